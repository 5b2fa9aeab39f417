import { http, type Page, type Role, type User } from '../../api/client'

export type UserQuery = {
  q?: string
  role?: Role
  isActive?: boolean
  page: number
  pageSize: number
}

// Request shapes from the server's zod schemas (type-only import).
export type { TCreateUser as CreateUserInput, TUpdateUser as UpdateUserInput } from '@yiyang/server/contract'
import type { TCreateUser as CreateUserInput, TUpdateUser as UpdateUserInput } from '@yiyang/server/contract'

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserQuery) => ['users', 'list', q] as const,
  roles: ['users', 'roles'] as const,
}

export const fetchUsers = (q: UserQuery) => http.get<Page<User>>('/users', { ...q })
export const fetchGrantableRoles = () => http.get<{ items: { role: Role; label: string }[] }>('/users/roles').then((r) => r.items)
export const createUser = (input: CreateUserInput) => http.post<User>('/users', input)
export const updateUser = (id: string, input: UpdateUserInput) => http.patch<User>(`/users/${encodeURIComponent(id)}`, input)
export const resetUserPassword = (id: string, newPassword: string) =>
  http.post<{ ok: true }>(`/users/${encodeURIComponent(id)}/reset-password`, { newPassword })
export const revokeUserSessions = (id: string) => http.post<{ ok: true }>(`/users/${encodeURIComponent(id)}/revoke-sessions`, {})
