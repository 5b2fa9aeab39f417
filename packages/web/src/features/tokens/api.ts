import { http, type ApiToken, type CreatedToken, type TokenScope } from '../../api/client'

export const tokenKeys = { list: ['tokens', 'list'] as const }

export const fetchTokens = () => http.get<{ items: ApiToken[] }>('/tokens').then((r) => r.items)
export type CreateTokenInput = { name: string; scope: TokenScope; expiresInDays: number }
export const createToken = (input: CreateTokenInput) => http.post<CreatedToken>('/tokens', input)
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = { read: '只读', read_write: '读写' }
export const revokeToken = (id: string) => http.delete<{ ok: true }>(`/tokens/${encodeURIComponent(id)}`)
