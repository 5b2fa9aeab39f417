import { assessmentEvents } from '@yiyang/core'
import { todayInShanghai, type TAssessmentReason, type TAssessmentScale } from '@yiyang/core'
import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { getUsersBrief } from '../accounts/index.js'
import { appendAudit } from '../../platform/audit.js'
import { getElderForActor } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import { assessmentAuditSnapshot, toAssessmentDetail } from './assessments.mapper.js'
import type { TScheduleAssessment } from './assessments.schemas.js'
import { assessments, type TElderSnapshot } from './assessments.tables.js'

/** Statuses of an assessment still under way (one per elder at a time). */
export const openStatuses = ['scheduled', 'in_progress', 'submitted', 'returned', 'reviewed'] as const

/** The assessor must hold the assessor role, be active, and cover the elder's community. */
export async function checkAssessor(db: DbOrTx, assessorId: string, regionCode: string, path = 'assessorId') {
  const u = (await getUsersBrief(db, [assessorId])).get(assessorId)
  if (!u || u.role !== 'assessor' || !u.isActive || !regionCode.startsWith(u.scopePrefix)) {
    throw fieldError(path, '请选择负责该老人所在社区（村）的评估员')
  }
  return u
}

export async function assertNoOpenAssessment(db: DbOrTx, elderId: string) {
  const [open] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.elderId, elderId), inArray(assessments.status, [...openStatuses])))
  if (open)
    throw new AppError('CONFLICT', '该老人已有进行中的评估，请先完成或取消', [{ path: 'elderId', message: '已有进行中的评估' }], { openAssessmentId: open.id })
}

export async function insertScheduled(
  t: TxCtx,
  v: {
    elderId: string
    regionCode: string
    elderSnapshot: TElderSnapshot
    scale: TAssessmentScale
    reason: TAssessmentReason
    scheduledDate: string
    assessor: { id: string; displayName: string }
    note?: string | null
    disputedId?: string | null
  },
) {
  const [row] = await t.tx
    .insert(assessments)
    .values({
      elderId: v.elderId,
      regionCode: v.regionCode,
      elderSnapshot: v.elderSnapshot,
      scale: v.scale,
      reason: v.reason,
      scheduledDate: v.scheduledDate,
      assessorId: v.assessor.id,
      assessors: [{ userId: v.assessor.id, name: v.assessor.displayName, certificateNo: null }],
      note: v.note ?? null,
      disputedId: v.disputedId ?? null,
      createdBy: t.actor!.userId,
    })
    .returning()
  await appendAudit(t, {
    action: 'assessment.scheduled',
    entityType: 'assessment',
    entityId: row!.id,
    regionCode: row!.regionCode,
    after: assessmentAuditSnapshot(row!),
  })
  await recordEvent(t, {
    type: assessmentEvents.scheduled,
    entityType: 'assessment',
    entityId: row!.id,
    regionCode: row!.regionCode,
    payload: { elderId: v.elderId, scale: v.scale, reason: v.reason, scheduledDate: v.scheduledDate, assessorId: v.assessor.id },
  })
  return row!
}

export async function scheduleAssessment(ctx: Ctx, input: TScheduleAssessment) {
  requirePermission(ctx.actor, 'assessment:schedule')
  const actor = ctx.actor
  const elder = await getElderForActor(ctx, input.elderId)
  if (elder.status !== 'active') throw fieldError('elderId', '该老人已死亡或迁出，不能安排评估')
  if (input.reason === 'dispute_review') throw fieldError('reason', '复评请在原评估记录上登记异议后自动安排')
  if (input.scheduledDate < todayInShanghai(ctx.clock.now())) throw fieldError('scheduledDate', '评估日期不能早于今天')
  const assessor = await checkAssessor(ctx.db, input.assessorId, elder.regionCode)
  const names = await regionNames(ctx.db, [elder.regionCode])
  const row = await withTx(ctx, async (t) => {
    await assertNoOpenAssessment(t.tx, elder.id)
    return insertScheduled(t, {
      elderId: elder.id,
      regionCode: elder.regionCode,
      elderSnapshot: { name: elder.name, sex: elder.sex, birthDate: elder.birthDate, idNumberMasked: '', regionName: names.get(elder.regionCode) ?? null },
      scale: input.scale,
      reason: input.reason,
      scheduledDate: input.scheduledDate,
      assessor,
      note: input.note,
    })
  })
  return toAssessmentDetail(row, actor, names.get(row.regionCode) ?? null, ctx.crypto)
}
