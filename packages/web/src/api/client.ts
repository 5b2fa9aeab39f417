/**
 * The one typed client for the Yiyang REST API (`/api/v1`).
 *
 * Every call goes through `request`, which sends the session cookie, parses the JSON body and
 * turns any non-2xx answer into an `ApiError` carrying the server's Chinese message, the
 * field errors and the request id. A 401 on anything except the login/me probes calls the
 * registered `onUnauthorized` hook (the app sends the user to /login).
 */

export const API_BASE = '/api/v1'

// ---------------------------------------------------------------- contract types

// Response and request shapes come from the server's zod schemas (type-only import: nothing of
// the server reaches the bundle); roles and region levels from @yiyang/core.
export type { TRole as Role, TRegionLevel as RegionLevel } from '@yiyang/core'
export type {
  TAuditEntry as AuditEntry,
  TAuditVerify as AuditVerifyResult,
  THealth as Health,
  TMe as Me,
  TPage as Page,
  TToken as ApiToken,
  TUser as User,
} from '@yiyang/server/contract'
import type { TRegionLevel } from '@yiyang/core'
import type { TToken } from '@yiyang/server/contract'
export type TokenScope = TToken['scope']

export interface RegionNode {
  code: string
  name: string
  level: TRegionLevel
  /** Demo seed codes that are not real statistical codes. */
  isDemoCode?: boolean
  children: RegionNode[]
}

export interface CreatedToken {
  id: string
  name: string
  token: string
  scope: TokenScope
  expiresAt: string
}

export interface FieldError {
  path: string
  message: string
}

// ---------------------------------------------------------------- errors

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldError[]
  readonly requestId: string | null
  /** The whole error body, for extra keys some errors carry (e.g. lockedUntil, retryAfterSeconds). */
  readonly payload: Record<string, unknown>

  constructor(opts: { status: number; code: string; message: string; fields?: FieldError[]; requestId?: string | null; payload?: Record<string, unknown> }) {
    super(opts.message)
    this.name = 'ApiError'
    this.status = opts.status
    this.code = opts.code
    this.fields = opts.fields ?? []
    this.requestId = opts.requestId ?? null
    this.payload = opts.payload ?? {}
  }
}

/** Chinese fallbacks when the server (or a proxy in front of it) sends no usable message. */
const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试。',
  401: '登录已过期，请重新登录。',
  403: '您没有执行此操作的权限。',
  404: '要找的内容不存在，或不在您的管辖范围内。',
  409: '数据已被他人修改，请刷新后重试。',
  413: '提交的内容过大。',
  423: '账号已被临时锁定，请稍后再试。',
  429: '操作过于频繁，请稍后再试。',
  500: '服务器内部错误，请稍后重试或联系管理员。',
  502: '服务器暂时无法访问，请稍后重试。',
  503: '服务暂时不可用，请稍后重试。',
  504: '服务器响应超时，请稍后重试。',
}

export function fallbackMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}），请稍后重试。`
}

/** The Chinese text to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    // For server faults the request id is what an administrator needs to find the log line.
    return err.status >= 500 && err.requestId ? `${err.message}（请求编号：${err.requestId}）` : err.message
  }
  if (err instanceof Error && err.message) return err.message
  return '发生未知错误，请稍后重试。'
}

// ---------------------------------------------------------------- transport

type Query = Record<string, string | number | boolean | null | undefined>

let unauthorizedHandler: (() => void) | null = null

/** Registered once by the app shell: what to do when the session is gone. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

function buildUrl(path: string, query?: Query): string {
  const url = API_BASE + path
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not redirect to /login on 401 (login itself and the initial session probe). */
  allow401?: boolean
  signal?: AbortSignal
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }

  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络连接后重试。' })
  }

  const requestId = res.headers.get('x-request-id')
  const text = await res.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }

  if (!res.ok) {
    const payload = (data && typeof data === 'object' ? data : {}) as Partial<{
      code: string
      message: string
      fields: FieldError[]
      requestId: string
    }>
    const error = new ApiError({
      status: res.status,
      code: payload.code ?? `HTTP_${res.status}`,
      message: payload.message || fallbackMessage(res.status),
      fields: Array.isArray(payload.fields) ? payload.fields : [],
      requestId: payload.requestId ?? requestId,
      payload: payload as Record<string, unknown>,
    })
    if (res.status === 401 && !opts.allow401) unauthorizedHandler?.()
    throw error
  }

  return data as T
}

export const http = {
  get: <T>(path: string, query?: Query, extra?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...extra, query }),
  post: <T>(path: string, body?: unknown, extra?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('POST', path, { ...extra, body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}
