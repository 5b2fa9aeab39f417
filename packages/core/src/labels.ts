/**
 * The one catalogue of Chinese labels for field names and coded values, shared by the web
 * (history, audit diff, charts) and the server (Excel exports), so that no raw code
 * (`active`, `with_children`, a bare level number) and no English field name reaches a
 * Chinese screen or file (issue 24 item 8). Value lists that belong to a domain keep their
 * labels beside them (categories.ts, assessment/workflow.ts, roles.ts, regions.ts); this file
 * gathers them and adds what had no home: field names, sexes, users, audit actions.
 */
import { gbt42195LevelInfo } from './assessment/gbt42195-catalogue.js'
import { mzt039LevelInfo } from './assessment/mzt039.js'
import { assessmentReasonLabels, assessmentScaleLabels, assessmentStatusLabels } from './assessment/workflow.js'
import { elderCategoryLabels, elderStatusLabels, hukouTypeLabels, livingArrangementLabels } from './categories.js'
import type { TSex } from './id-number.js'
import { regionLevelLabels } from './regions.js'
import { roleLabels } from './roles.js'
import { catalogEditionStatusLabels, catalogItemFieldLabels, serviceCategoryLabels, servicePayerLabels, serviceUnitLabels } from './catalog.js'
import type { TWorklistItemStatus } from './worklist-flow.js'
import { orderStatusLabels } from './orders/order-flow.js'
import { providerStatusLabels } from './orders/provider-flow.js'
import { alarmOutcomeLabels, alarmStatusLabels, alarmTypeLabels } from './alarms/alarm-flow.js'
import { visitPeriodStatusLabels, visitPlanStatusLabels, visitTaskStatusLabels } from './visits.js'

export const sexLabels = { male: '男', female: '女' } as const satisfies Record<TSex, string>

export const userStatusLabels = { active: '正常', disabled: '已停用', locked: '已锁定' } as const
export const tokenStatusLabels = { active: '有效', revoked: '已吊销' } as const
export const worklistItemStatusLabels = { open: '待处理', assigned: '已指派', handled: '已处理', resolved: '条件已消除' } as const satisfies Record<
  TWorklistItemStatus,
  string
>

// ---------- ability levels ----------

/** Which standard a level belongs to; elders store 'gbt42195'/'mzt039', assessments the full scale id. */
function isMzt039(scale: string | null | undefined): boolean {
  return !!scale && scale.startsWith('mzt039')
}

/**
 * The standard's name of an ability level: GB/T 42195 能力完好 / 能力轻度受损 / 能力中度受损 /
 * 能力重度受损 / 能力完全丧失; MZ/T 039 能力完好 / 轻度失能 / 中度失能 / 重度失能. Default scale GB/T 42195.
 */
export function abilityLevelName(level: number | null | undefined, scale?: string | null): string | null {
  if (level === null || level === undefined) return null
  return (isMzt039(scale) ? mzt039LevelInfo : gbt42195LevelInfo)[level]?.name ?? null
}

/** "3 级 能力重度受损" for tables and exports; "未评估" without a level. */
export function abilityLevelLabel(level: number | null | undefined, scale?: string | null): string {
  if (level === null || level === undefined) return '未评估'
  const name = abilityLevelName(level, scale)
  return name ? `${level} 级 ${name}` : `${level} 级`
}

/** The level names of a scale, level 0 first (chart axes, legends). */
export function abilityLevelNames(scale?: string | null): string[] {
  return (isMzt039(scale) ? mzt039LevelInfo : gbt42195LevelInfo).map((l) => l.name)
}

// ---------- field names ----------

/** Fields of the elder record as they appear in history, audit snapshots and exports. */
export const elderFieldLabels: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别',
  gender: '性别',
  birthDate: '出生日期',
  regionCode: '所在社区（村）',
  hukou: '户籍',
  livingArrangement: '居住情况',
  categories: '老年人类别',
  typedCategories: '老年人类别',
  derivedCategories: '类别（含派生）',
  address: '现住址',
  phone: '联系电话',
  contacts: '紧急联系人/监护人',
  chronicConditions: '慢性病（条数）',
  hasFamilyDoctor: '家庭医生签约',
  familyDoctorDate: '签约日期',
  familyDoctorName: '签约医生',
  hasVisitPlan: '探访计划',
  note: '备注',
  status: '状态',
  statusDate: '状态日期',
  statusReason: '状态原因',
  abilityLevel: '能力等级',
  abilityScale: '评估标准',
  abilityEffectiveDate: '能力等级生效日期',
  lastAssessmentDate: '最近评估日期',
  mergedInto: '并入档案',
  kept: '保留的档案',
  duplicate: '并入的档案',
  duplicateId: '并入的档案编号',
  reason: '原因',
  homeLocation: '住址坐标',
  homeLat: '纬度',
  homeLng: '经度',
}

/** Fields of an assessment in audit snapshots. */
export const assessmentFieldLabels: Record<string, string> = {
  elderId: '老人编号',
  elderName: '老人姓名',
  scale: '评估标准',
  reason: '评估原因',
  status: '状态',
  scheduledDate: '预约日期',
  assessorId: '评估员',
  answeredCount: '已答题数',
  total: '总分',
  initialLevel: '初步等级',
  finalLevel: '最终等级',
  effectiveDate: '生效日期',
  objectionDeadline: '异议截止日期',
  disputedId: '被异议的评估',
  supersedesId: '替代的评估',
  supersededById: '被替代于',
  cancelReason: '取消原因',
  returnReason: '退回原因',
  objectionBy: '异议人',
  reviewAssessmentId: '复评编号',
  cancelledReviews: '取消的复评',
  triggerId: '状况变化编号',
  source: '来源',
}

/** Fields of accounts, tokens, regions, worklists and the system in audit snapshots. */
export const accountFieldLabels: Record<string, string> = {
  id: '编号',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  scopeRegionCode: '管辖区划代码',
  scopeRegionName: '管辖范围',
  providerId: '所属服务商',
  isActive: '是否启用',
  elderMode: '长辈模式',
  mustChangePassword: '需修改密码',
  lockedUntil: '锁定至',
  lastLoginAt: '最近登录',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  prefix: '令牌前缀',
  revokedAt: '吊销时间',
  code: '代码',
  level: '级别',
  passwordHash: '密码',
  password: '密码',
  failedLogins: '连续登录失败次数',
  version: '版本',
  assignedTo: '处理人',
  rule: '规则',
  reappearAfterDays: '处理后再次出现间隔（天）',
  reappearOn: '再次出现日期',
  today: '日期',
  值: '值',
  deviceSerial: '设备编号',
  eventId: '事件编号',
  outcome: '处置结果',
  claimedByName: '认领坐席',
  responderName: '响应人',
  escalationLevel: '升级级别',
  closeNote: '关闭说明',
}

/** Every field name a Chinese screen may show, one place (entity-specific names win in their entity). */
/** Fields of a service-list edition and its items in audit snapshots. */
export const catalogFieldLabels: Record<string, string> = {
  ...catalogItemFieldLabels,
  title: '清单名称',
  year: '年度',
  versionLabel: '版本',
  effectiveDate: '生效日期',
  publishedAt: '发布时间',
  basedOnId: '基于版本',
  change: '变更类型',
  itemCount: '项目数',
}

export const fieldLabels: Record<string, string> = { ...catalogFieldLabels, ...accountFieldLabels, ...assessmentFieldLabels, ...elderFieldLabels, name: '名称' }

/** The Chinese name of a field; `entity` picks the entity's own meaning of a shared name (name, status). */
export function fieldLabel(field: string, entity?: string | null): string {
  if (entity === 'elder') return elderFieldLabels[field] ?? fieldLabels[field] ?? field
  if (entity === 'assessment') return assessmentFieldLabels[field] ?? fieldLabels[field] ?? field
  if (entity === 'user') return accountFieldLabels[field] ?? fieldLabels[field] ?? field
  if (entity === 'catalog_edition' || entity === 'catalog_item') return catalogFieldLabels[field] ?? fieldLabels[field] ?? field
  return fieldLabels[field] ?? field
}

// ---------- values ----------

const pick = (labels: Record<string, string>, v: unknown) => (typeof v === 'string' ? labels[v] : undefined)

/**
 * The Chinese text of a coded value of `field`, or undefined when the value is not a code this
 * catalogue knows (free text, numbers, dates: the caller formats those). `context` gives the
 * entity ('elder', 'assessment', 'user', 'worklist_item'…) and, for levels, the scale.
 */
export function valueLabel(field: string, value: unknown, context: { entity?: string | null; scale?: string | null } = {}): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) {
    if (['categories', 'typedCategories', 'derivedCategories'].includes(field)) {
      return value.length ? value.map((c) => pick(elderCategoryLabels, c) ?? String(c)).join('、') : '无'
    }
    return undefined
  }
  switch (field) {
    case 'sex':
    case 'gender':
      return pick(sexLabels, value)
    case 'hukou':
      return pick(hukouTypeLabels, value)
    case 'livingArrangement':
      return pick(livingArrangementLabels, value)
    case 'role':
      return pick(roleLabels, value)
    case 'category':
      return pick(serviceCategoryLabels, value)
    case 'unit':
      return pick(serviceUnitLabels, value)
    case 'payer':
      return pick(servicePayerLabels, value)
    case 'level':
      return pick(regionLevelLabels, value)
    case 'scale':
    case 'abilityScale':
      return (
        pick(assessmentScaleLabels, value) ??
        (isMzt039(String(value)) ? assessmentScaleLabels.mzt039_2013 : value === 'gbt42195' ? assessmentScaleLabels.gbt42195_2022 : undefined)
      )
    case 'reason':
      return context.entity === 'assessment' ? pick(assessmentReasonLabels, value) : undefined
    case 'abilityLevel':
    case 'initialLevel':
    case 'finalLevel':
    case 'lastAssessmentLevel':
      return typeof value === 'number' ? abilityLevelLabel(value, context.scale) : undefined
    case 'status': {
      const byEntity: Record<string, Record<string, string>> = {
        elder: elderStatusLabels,
        assessment: assessmentStatusLabels,
        user: userStatusLabels,
        api_token: tokenStatusLabels,
        token: tokenStatusLabels,
        worklist_item: worklistItemStatusLabels,
        provider: providerStatusLabels,
        order: orderStatusLabels,
        catalog_edition: catalogEditionStatusLabels,
        alarm: alarmStatusLabels,
        visit_plan: visitPlanStatusLabels,
        visit_period: visitPeriodStatusLabels,
        visit_task: visitTaskStatusLabels,
      }
      const own = context.entity ? byEntity[context.entity] : undefined
      return pick(own ?? {}, value) ?? pick(elderStatusLabels, value) ?? pick(assessmentStatusLabels, value) ?? pick(worklistItemStatusLabels, value)
    }
    case 'outcome':
      return pick(alarmOutcomeLabels, value)
    case 'type':
      return context.entity === 'alarm' ? pick(alarmTypeLabels, value) : undefined
    default:
      return undefined
  }
}

/** The two ways of importing an elder spreadsheet: the page, the template's help sheet and the result say the same words. */
export const importModeLabels = { all_or_nothing: '全部成功才导入', valid_only: '只导入正确的行' } as const
