/**
 * The one dictionary of Chinese labels the web app shows for codes coming from the server:
 * roles, statuses, region levels, audit actions, entity types and field names.
 * Unknown codes fall back to the code itself so nothing is ever blank.
 */
import { fieldLabel as coreFieldLabel, regionLevelLabels, roleLabels, roles, tokenStatusLabels, userStatusLabels, type TRole } from '@yiyang/core'

/** Role names come from @yiyang/core (declared once, shared with the server). */
export const ROLE_LABELS: Record<TRole, string> = roleLabels
export const ROLE_ORDER: TRole[] = [...roles]

export function roleLabel(role: string | null | undefined): string {
  if (!role) return '—'
  return (ROLE_LABELS as Record<string, string>)[role] ?? role
}

export const REGION_LEVEL_LABELS = regionLevelLabels

export function regionLevelLabel(level: string): string {
  return (REGION_LEVEL_LABELS as Record<string, string>)[level] ?? level
}

export const USER_STATUS_LABELS = userStatusLabels
export const TOKEN_STATUS_LABELS = tokenStatusLabels

/** Audit actions are `<entity>.<verb>` codes; the common ones get Chinese names. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'system.demo_seeded': '写入演示数据',
  'system.seeded': '初始化数据',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.password_changed': '修改密码',
  'user.password_reset': '重置密码',
  'user.preferences_changed': '修改个人偏好',
  'user.sessions_revoked': '强制下线',
  'token.created': '创建 API 令牌',
  'token.revoked': '吊销 API 令牌',
  'elder.created': '新建老人档案',
  'elder.updated': '修改老人档案',
  'elder.revealed': '查看完整个人信息',
  'elder.merged': '合并重复档案',
  'elder.imported': '批量导入老人档案',
  'elder.import_report_downloaded': '下载导入报告',
  'elder.demo_seeded': '写入演示老人数据',
  'elder.ability_level_applied': '更新能力等级',
  'elder.status_active': '恢复在册',
  'elder.status_deceased': '登记死亡',
  'elder.status_moved_out': '登记迁出',
  'assessment.scheduled': '安排评估',
  'assessment.started': '开始评估',
  'assessment.draft_saved': '保存评估草稿',
  'assessment.submitted': '提交评估',
  'assessment.approved': '评估审核通过',
  'assessment.returned': '退回评估',
  'assessment.effective': '评估结果生效',
  'assessment.objected': '对评估提出异议',
  'assessment.objection_dismissed': '驳回评估异议',
  'assessment.condition_changed': '登记状况变化',
  'assessment.cancelled': '取消评估',
  'assessment.superseded': '评估被新结果替代',
  'assessment.settings_updated': '修改评估设置',
  'worklist.refreshed': '刷新排查清单',
  'worklist.item_assigned': '分派排查任务',
  'worklist.item_handled': '处理排查任务',
  'worklist.rule_created': '新建排查规则',
  'worklist.rule_updated': '修改排查规则',
  'catalog.edition_created': '新建服务清单版本',
  'catalog.item_added': '服务清单新增项目',
  'catalog.item_changed': '服务清单调整项目',
  'catalog.item_removed': '服务清单删除项目',
  'catalog.edition_published': '发布服务清单',
  'catalog.edition_discarded': '作废服务清单草稿',
  'catalog.edition_exported': '导出服务清单',
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action
}

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  system: '系统',
  user: '用户',
  session: '会话',
  token: 'API 令牌',
  api_token: 'API 令牌',
  region: '行政区划',
  elder: '老人档案',
  assessment: '能力评估',
  assessment_settings: '评估设置',
  import_job: '导入任务',
  worklist: '排查清单',
  worklist_item: '排查任务',
  worklist_rule: '排查规则',
  provider: '服务商',
  order: '服务工单',
  catalog_edition: '服务清单',
}

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type
}

/** Field names come from the catalogue in @yiyang/core (shared with the server's exports). */
export function fieldLabel(key: string, entity?: string | null): string {
  return coreFieldLabel(key, entity)
}
