import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from './errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST that only reads (an export whose filter is too long or too sensitive for a URL): allowed for read-only tokens. */
    isRead?: boolean
    /** Reachable while the account must still change its initial password (change it, log out, who am I). */
    allowedBeforePasswordChange?: boolean
  }
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF defence for cookie sessions: a state-changing request must come from our own origin.
 * Browsers send Sec-Fetch-Site (all current ones) and Origin (on every POST/PUT/PATCH/DELETE),
 * so a forged cross-site request always carries one of them with a foreign value. A request
 * with neither comes from a non-browser client, which cannot ride on a victim's cookie; it is
 * let through. Bearer-token requests carry no ambient credential and are not checked.
 * SameSite=Lax on the cookie is the second line.
 */
export function checkSameOrigin(req: FastifyRequest) {
  if (!STATE_CHANGING.has(req.method)) return
  if (req.headers.authorization?.startsWith('Bearer ')) return
  const site = req.headers['sec-fetch-site']
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') throw crossSite()
  const origin = req.headers.origin
  if (origin !== undefined) {
    let host: string | null
    try {
      host = origin === 'null' ? null : new URL(origin).host
    } catch {
      host = null
    }
    // req.host honours X-Forwarded-Host only when TRUST_PROXY is set.
    if (!host || host.toLowerCase() !== String(req.host).toLowerCase()) throw crossSite()
  }
}

const crossSite = () => new AppError('FORBIDDEN', '请求来源不是本站，已拒绝（跨站请求防护）。请直接在本系统页面中操作')

/**
 * After routing: a read-only API token may only read, and an account whose password must be
 * changed may do nothing else first. Enforced here, once, so no route can forget it.
 */
export async function checkActorLimits(req: FastifyRequest, _reply: FastifyReply) {
  const actor = req.ctx?.actor
  if (!actor) return
  const config = req.routeOptions.config ?? {}
  if (actor.via === 'token' && actor.tokenScope === 'read' && STATE_CHANGING.has(req.method) && !config.isRead) {
    throw new AppError('FORBIDDEN', '只读令牌不能执行修改操作')
  }
  if (actor.mustChangePassword && !config.allowedBeforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED')
  }
}
