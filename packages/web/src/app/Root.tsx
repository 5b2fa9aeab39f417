import type { QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { useMemo } from 'react'
import { RouterProvider } from 'react-router-dom'
import { onUnauthorized } from '../api/client'
import { authKeys, markSessionExpired } from '../features/auth/api'
import { useElderMode } from './elderMode'
import { createAppRouter } from './router'
import { useReducedMotion, withReducedMotion } from './reducedMotion'
import { elderTheme, normalTheme } from './theme'

export function Root({ queryClient }: { queryClient: QueryClient }) {
  const { elderMode } = useElderMode()
  const reducedMotion = useReducedMotion()
  const theme = useMemo(() => withReducedMotion(elderMode ? elderTheme : normalTheme, reducedMotion), [elderMode, reducedMotion])
  const router = useMemo(() => {
    const r = createAppRouter()
    onUnauthorized(() => {
      const { pathname, search } = window.location
      if (pathname === '/login') return
      markSessionExpired()
      queryClient.setQueryData(authKeys.me, null)
      void r.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true })
    })
    return r
  }, [queryClient])

  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize={elderMode ? 'large' : 'middle'}>
      <AntApp message={{ maxCount: 3, top: elderMode ? 96 : 72 }}>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  )
}
