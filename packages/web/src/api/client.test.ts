import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, http, onUnauthorized } from './client'

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(body === undefined ? '' : JSON.stringify(body), { status, headers }))
}

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthorized(() => {})
})

describe('api client', () => {
  it('builds query strings without empty values', async () => {
    const fetchMock = respond(200, { items: [] })
    vi.stubGlobal('fetch', fetchMock)
    await http.get('/users', { q: '', role: 'assessor', isActive: false, page: 2, x: undefined })
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/users?role=assessor&isActive=false&page=2')
  })

  it("turns an error body into an ApiError with the server's Chinese message and fields", async () => {
    vi.stubGlobal('fetch', respond(423, { code: 'ACCOUNT_LOCKED', message: '账号已临时锁定，请 15 分钟后再试', retryAfterMinutes: 15, requestId: 'r-1' }))
    const err = (await http.post('/auth/login', {}, { allow401: true }).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(423)
    expect(err.code).toBe('ACCOUNT_LOCKED')
    expect(err.message).toContain('15 分钟')
    expect(err.payload.retryAfterMinutes).toBe(15)
    expect(err.requestId).toBe('r-1')
  })

  it('uses a Chinese fallback when a proxy answers without JSON, and the header request id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'x-request-id': 'h-9' } })),
    )
    const err = (await http.get('/health').catch((e: unknown) => e)) as ApiError
    expect(err.message).toMatch(/服务器/)
    expect(err.requestId).toBe('h-9')
  })

  it('reports a network failure in Chinese', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const err = (await http.get('/health').catch((e: unknown) => e)) as ApiError
    expect(err.code).toBe('NETWORK_ERROR')
    expect(err.message).toMatch(/无法连接服务器/)
  })

  it('calls the unauthorized hook on 401, except where the caller expects it', async () => {
    const hook = vi.fn()
    onUnauthorized(hook)
    vi.stubGlobal('fetch', respond(401, { code: 'UNAUTHENTICATED', message: '请先登录' }))
    await http.get('/users').catch(() => undefined)
    expect(hook).toHaveBeenCalledTimes(1)
    await http.post('/auth/login', {}, { allow401: true }).catch(() => undefined)
    expect(hook).toHaveBeenCalledTimes(1)
  })
})

describe('errorMessage', () => {
  it('adds the request id to server faults only', async () => {
    const { errorMessage } = await import('./client')
    expect(errorMessage(new ApiError({ status: 500, code: 'INTERNAL', message: '系统内部错误', requestId: 'abc' }))).toBe('系统内部错误（请求编号：abc）')
    expect(errorMessage(new ApiError({ status: 403, code: 'FORBIDDEN', message: '无权限', requestId: 'abc' }))).toBe('无权限')
  })
})
