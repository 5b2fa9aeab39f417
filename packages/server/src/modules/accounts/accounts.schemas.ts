import { ZPageQuery } from '../../platform/list.js'
import { z } from 'zod'
import { roles } from '@yiyang/core'

export const ZRole = z.enum(roles, { message: '角色不正确' })
export const ZRegionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
export const ZPhone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为11位数字')

export const ZLogin = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
})
export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  scopeRegionCode: z.string(),
  scopeRegionName: z.string(),
  providerId: z.string().nullable(),
  elderMode: z.boolean(),
  mustChangePassword: z.boolean(),
  passwordChangeRequired: z.boolean(),
  permissions: z.array(z.string()),
})
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  roleLabel: z.string(),
  scopeRegionCode: z.string(),
  scopeRegionName: z.string(),
  providerId: z.string().nullable(),
  isActive: z.boolean(),
  phone: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
})
export type TUserResponse = z.infer<typeof ZUser>

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: z.string().min(1, '请输入新密码').max(128),
})
export const ZPreferences = z.object({ elderMode: z.boolean() })

export const ZFindUsers = ZPageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: ZRole.optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})
export type TFindUsers = z.infer<typeof ZFindUsers>

export const ZCreateUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,64}$/, '用户名为3-64位字母、数字、点、下划线或连字符'),
  displayName: z.string().trim().min(1, '请输入姓名').max(64),
  role: ZRole,
  scopeRegionCode: ZRegionCode,
  providerId: z.uuid({ message: '服务商编号格式不正确' }).nullish(),
  password: z.string().min(1, '请输入初始密码').max(128),
  phone: ZPhone.nullish(),
})
export type TCreateUser = z.infer<typeof ZCreateUser>

export const ZUpdateUser = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(64).optional(),
  role: ZRole.optional(),
  scopeRegionCode: ZRegionCode.optional(),
  isActive: z.boolean().optional(),
  phone: ZPhone.nullish(),
})
export type TUpdateUser = z.infer<typeof ZUpdateUser>

export const ZResetPassword = z.object({ newPassword: z.string().min(1, '请输入新密码').max(128) })
export const tokenScopes = ['read', 'read_write'] as const
export const TOKEN_DEFAULT_DAYS = 90
export const TOKEN_MAX_DAYS = 365
export const ZCreateToken = z.object({
  name: z.string().trim().min(1, '请输入令牌名称').max(64),
  /** Read-only unless asked otherwise: most devices only report or read. */
  scope: z.enum(tokenScopes, { message: '令牌权限应为 read 或 read_write' }).default('read'),
  expiresInDays: z.coerce.number().int().min(1, '有效期至少 1 天').max(TOKEN_MAX_DAYS, `有效期最长 ${TOKEN_MAX_DAYS} 天`).default(TOKEN_DEFAULT_DAYS),
})
export type TCreateToken = z.infer<typeof ZCreateToken>
export const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(tokenScopes),
  ownerId: z.string(),
  ownerUsername: z.string(),
  ownerName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  isExpired: z.boolean(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})
export const ZCreatedToken = z.object({ id: z.string(), name: z.string(), token: z.string(), scope: z.enum(tokenScopes), expiresAt: z.string() })
