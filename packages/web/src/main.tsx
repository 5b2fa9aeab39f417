import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import './shared/format' // dayjs plugins + zh-cn locale, before anything renders a date
import './app/styles.css'
import { ApiError } from './api/client'
import { ElderModeProvider, readStoredElderMode } from './app/elderMode'
import { Root } from './app/Root'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Retrying a 4xx only repeats the same answer; network blips and 5xx get one retry.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 1,
    },
    mutations: { retry: false },
  },
})

// Apply the remembered mode before the first paint so the page does not flash.
document.documentElement.dataset.elder = String(readStoredElderMode())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ElderModeProvider>
        <Root queryClient={queryClient} />
      </ElderModeProvider>
    </QueryClientProvider>
  </StrictMode>,
)
