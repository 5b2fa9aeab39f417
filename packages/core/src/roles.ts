/**
 * Roles and permissions, shared by the server (authorisation) and the web (menus, labels), so
 * both read one table. A role's reach (its region scope or provider) is decided on the server.
 */
export const roles = [
  'sys_admin',
  'bureau_admin',
  'street_officer',
  'community_worker',
  'assessor',
  'provider_admin',
  'caregiver',
  'operator',
  'auditor',
  'volunteer',
] as const
export type TRole = (typeof roles)[number]

export const roleLabels: Record<TRole, string> = {
  sys_admin: '系统管理员',
  bureau_admin: '民政局管理员',
  street_officer: '街道(乡镇)工作人员',
  community_worker: '社区(村)工作人员',
  assessor: '评估员',
  provider_admin: '服务商管理员',
  caregiver: '护理员',
  operator: '12349坐席',
  auditor: '审计员',
  volunteer: '探访志愿者',
}

/**
 * Rank decides who may grant what: an admin never grants a role ranked above their own.
 * Auditors rank high so that only the bureau can appoint the people who check it.
 */
export const roleRank: Record<TRole, number> = {
  sys_admin: 100,
  bureau_admin: 90,
  auditor: 80,
  street_officer: 70,
  community_worker: 50,
  assessor: 50,
  operator: 50,
  provider_admin: 30,
  caregiver: 10,
  volunteer: 5,
}

export const providerRoles: readonly TRole[] = ['provider_admin', 'caregiver']

export const permissions = [
  'user:read',
  'user:write',
  'audit:read',
  'region:read',
  'token:manage',
  'elder:read',
  'elder:write',
  'elder:reveal',
  'elder:import',
  'elder:merge',
  'worklist:read',
  'worklist:write',
  'worklist:rules',
  'assessment:read',
  'assessment:write',
  'assessment:review',
  'assessment:schedule',
  'assessment:object',
  'assessment:settings',
  'job:manage',
  'visit:read',
  'visit:record',
  'visit:plan',
  'visit:task',
  'visit:escalate',
  'visit:export',
  'ledger:read',
  'ledger:reverse',
  'disbursement:run',
  'disbursement:check',
  'disbursement:approve',
] as const
export type TPermission = (typeof permissions)[number]

const all = [...permissions]
export const rolePermissions: Record<TRole, readonly TPermission[]> = {
  sys_admin: all,
  bureau_admin: all.filter((p) => p !== 'token:manage' && p !== 'job:manage'),
  street_officer: [
    'user:read',
    'user:write',
    'region:read',
    'elder:read',
    'elder:write',
    'elder:reveal',
    'elder:import',
    'elder:merge',
    'worklist:read',
    'worklist:write',
    'assessment:read',
    'assessment:review',
    'assessment:schedule',
    'assessment:object',
    'visit:read',
    'visit:record',
    'visit:plan',
    'visit:task',
    'visit:export',
    'ledger:read',
  ],
  community_worker: [
    'region:read',
    'elder:read',
    'elder:write',
    'elder:reveal',
    'worklist:read',
    'worklist:write',
    'assessment:read',
    'assessment:schedule',
    'assessment:object',
    'visit:read',
    'visit:record',
    'visit:plan',
    'visit:task',
    'visit:export',
  ],
  assessor: ['region:read', 'elder:read', 'assessment:read', 'assessment:write', 'assessment:schedule'],
  provider_admin: ['user:read', 'user:write'],
  caregiver: [],
  operator: ['region:read', 'elder:read', 'elder:reveal'],
  auditor: ['audit:read', 'user:read', 'region:read', 'elder:read', 'worklist:read', 'assessment:read', 'ledger:read', 'visit:read'],
  // A volunteer (志愿者, 老年协会) sees and visits only the elders whose plan names them (issue 22 item 2).
  volunteer: ['visit:read', 'visit:record'],
}
