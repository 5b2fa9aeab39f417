import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Me } from '../api/client'
import { authKeys, fetchHealth, fetchMe } from '../features/auth/api'

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 })
}

export function useHealth() {
  return useQuery({ queryKey: authKeys.health, queryFn: fetchHealth, staleTime: 60_000, retry: 1 })
}

/** `can("user:write")` for the signed-in user; false while loading or signed out. */
export function useCan(): (permission: string | undefined) => boolean {
  const { data: me } = useMe()
  return useCallback((permission: string | undefined) => !permission || (!!me && me.permissions.includes(permission)), [me])
}

export function hasPermission(me: Me | null | undefined, permission: string | undefined): boolean {
  return !permission || (!!me && me.permissions.includes(permission))
}
