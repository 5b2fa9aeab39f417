import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { errorMessage, type Me } from '../api/client'
import { authKeys, updatePreferences } from '../features/auth/api'

const STORAGE_KEY = 'yiyang.elderMode'

export function readStoredElderMode(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

function storeElderMode(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? '1' : '0')
  } catch {
    /* private mode: the server copy still remembers it */
  }
}

interface ElderModeState {
  elderMode: boolean
  /** Apply locally (and remember in this browser) without telling the server. */
  setLocalElderMode: (on: boolean) => void
}

const ElderModeContext = createContext<ElderModeState>({ elderMode: false, setLocalElderMode: () => {} })

export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [elderMode, setElderMode] = useState(readStoredElderMode)

  useEffect(() => {
    document.documentElement.dataset.elder = String(elderMode)
  }, [elderMode])

  const setLocalElderMode = useCallback((on: boolean) => {
    storeElderMode(on)
    setElderMode(on)
  }, [])

  const value = useMemo(() => ({ elderMode, setLocalElderMode }), [elderMode, setLocalElderMode])
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>
}

export function useElderMode(): ElderModeState {
  return useContext(ElderModeContext)
}

/**
 * Switch elder mode for the signed-in user: applied at once, saved on the server so every
 * device remembers it, rolled back with a message if saving fails.
 */
export function useToggleElderMode() {
  const { elderMode, setLocalElderMode } = useElderMode()
  const queryClient = useQueryClient()
  const { message } = App.useApp()
  const mutation = useMutation({
    mutationFn: (on: boolean) => updatePreferences({ elderMode: on }),
    onMutate: (on) => {
      const previous = elderMode
      setLocalElderMode(on)
      return { previous }
    },
    onSuccess: (res) => {
      queryClient.setQueryData<Me | null>(authKeys.me, res.user)
      message.success(res.user.elderMode ? '已开启长辈模式' : '已关闭长辈模式')
    },
    onError: (err, _on, ctx) => {
      if (ctx) setLocalElderMode(ctx.previous)
      message.error(`长辈模式设置未保存：${errorMessage(err)}`)
    },
  })
  return { elderMode, setElderMode: (on: boolean) => mutation.mutate(on), saving: mutation.isPending }
}
