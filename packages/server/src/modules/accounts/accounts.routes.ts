import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZOk, ZUuidParam } from '../../platform/http.js'
import { grantableRoles, requirePermission, roleLabels } from '../../platform/permissions.js'
import {
  ZChangePassword,
  ZCreatedToken,
  ZCreateToken,
  ZCreateUser,
  ZFindUsers,
  ZLogin,
  ZMe,
  ZPreferences,
  ZResetPassword,
  ZToken,
  ZUpdateUser,
  ZUser,
} from './accounts.schemas.js'
import { SESSION_COOKIE } from './authenticate.js'
import { changePassword } from './change-password.js'
import { createUser } from './create-user.js'
import { findUsers } from './find-users.js'
import { getMe } from './get-me.js'
import { login } from './login.js'
import { logout } from './logout.js'
import { resetPassword } from './reset-password.js'
import { revokeSessions } from './revoke-sessions.js'
import { setPreferences } from './set-preferences.js'
import { createToken } from './create-token.js'
import { listTokens } from './find-tokens.js'
import { revokeToken } from './revoke-token.js'
import { pageOf } from '../../platform/list.js'
import { updateUser } from './update-user.js'

export const accountsRoutes: FastifyPluginAsyncZod<{ loginRateLimit: number }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' }, allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: '登录', body: ZLogin, response: { 200: z.object({ user: ZMe }), ...errorResponses } },
    },
    async (req, reply) => {
      const r = await login(req.ctx, req.body, req.headers['user-agent'])
      reply.setCookie(SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: req.protocol === 'https',
        expires: r.expiresAt,
      })
      return { user: r.user }
    },
  )

  app.post(
    '/auth/logout',
    { config: { allowedBeforePasswordChange: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: ZOk } } },
    async (req, reply) => {
      await logout(req.ctx)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { ok: true as const }
    },
  )

  app.get(
    '/auth/me',
    {
      config: { allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: z.object({ user: ZMe }), ...errorResponses } },
    },
    async (req) => ({ user: await getMe(req.ctx) }),
  )

  app.post(
    '/auth/password',
    {
      config: { allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: '修改本人密码', body: ZChangePassword, response: { 200: ZOk, ...errorResponses } },
    },
    async (req) => {
      await changePassword(req.ctx, req.body)
      return { ok: true as const }
    },
  )

  app.put(
    '/auth/preferences',
    { schema: { tags: ['auth'], summary: '个人偏好（长辈模式）', body: ZPreferences, response: { 200: z.object({ user: ZMe }), ...errorResponses } } },
    async (req) => ({ user: await setPreferences(req.ctx, req.body) }),
  )

  app.get(
    '/users',
    {
      schema: { tags: ['users'], summary: '用户列表', querystring: ZFindUsers, response: { 200: pageOf(ZUser), ...errorResponses } },
    },
    async (req) => findUsers(req.ctx, req.query),
  )

  app.get(
    '/users/roles',
    {
      schema: {
        tags: ['users'],
        summary: '本人可授予的角色',
        response: { 200: z.object({ items: z.array(z.object({ role: z.string(), label: z.string() })) }), ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'user:read')
      return { items: grantableRoles(req.ctx.actor).map((role) => ({ role, label: roleLabels[role] })) }
    },
  )

  app.post('/users', { schema: { tags: ['users'], summary: '新建用户', body: ZCreateUser, response: { 200: ZUser, ...errorResponses } } }, async (req) =>
    createUser(req.ctx, req.body),
  )

  app.patch(
    '/users/:id',
    { schema: { tags: ['users'], summary: '修改用户', params: ZUuidParam, body: ZUpdateUser, response: { 200: ZUser, ...errorResponses } } },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/users/:id/reset-password',
    { schema: { tags: ['users'], summary: '重置密码', params: ZUuidParam, body: ZResetPassword, response: { 200: ZOk, ...errorResponses } } },
    async (req) => {
      await resetPassword(req.ctx, req.params.id, req.body.newPassword)
      return { ok: true as const }
    },
  )

  app.post(
    '/users/:id/revoke-sessions',
    { schema: { tags: ['users'], summary: '强制下线', params: ZUuidParam, response: { 200: ZOk, ...errorResponses } } },
    async (req) => {
      await revokeSessions(req.ctx, req.params.id)
      return { ok: true as const }
    },
  )

  app.get(
    '/tokens',
    { schema: { tags: ['tokens'], summary: 'API 令牌列表', response: { 200: z.object({ items: z.array(ZToken) }), ...errorResponses } } },
    async (req) => ({ items: await listTokens(req.ctx) }),
  )

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: '新建 API 令牌（只显示一次；默认只读、90 天有效）',
        body: ZCreateToken,
        response: { 200: ZCreatedToken, ...errorResponses },
      },
    },
    async (req) => createToken(req.ctx, req.body),
  )

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['tokens'], summary: '吊销 API 令牌', params: ZUuidParam, response: { 200: ZOk, ...errorResponses } } },
    async (req) => {
      await revokeToken(req.ctx, req.params.id)
      return { ok: true as const }
    },
  )
}
