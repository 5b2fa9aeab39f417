import { ApiError, http, type Health, type Me } from '../../api/client'

export const authKeys = {
  me: ['auth', 'me'] as const,
  health: ['health'] as const,
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await http.get<{ user: Me }>('/auth/me', undefined, { allow401: true })
    return res.user
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

export const fetchHealth = () => http.get<Health>('/health')

export const login = (username: string, password: string) => http.post<{ user: Me }>('/auth/login', { username, password }, { allow401: true })

export const logout = () => http.post<{ ok: true }>('/auth/logout', {}, { allow401: true })

export const changePassword = (currentPassword: string, newPassword: string) => http.post<{ ok: true }>('/auth/password', { currentPassword, newPassword })

export const updatePreferences = (prefs: { elderMode: boolean }) => http.put<{ user: Me }>('/auth/preferences', prefs)

const EXPIRED_KEY = 'yiyang.sessionExpired'

/** Remember, for the login page, that the user was sent there because the session ended. */
export function markSessionExpired(): void {
  try {
    window.sessionStorage.setItem(EXPIRED_KEY, '1')
  } catch {
    /* ignore */
  }
}

export function peekSessionExpired(): boolean {
  try {
    return window.sessionStorage.getItem(EXPIRED_KEY) === '1'
  } catch {
    return false
  }
}

export function clearSessionExpired(): void {
  try {
    window.sessionStorage.removeItem(EXPIRED_KEY)
  } catch {
    /* ignore */
  }
}
