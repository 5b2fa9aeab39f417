import { eq } from 'drizzle-orm'
import { validateProgramme } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { updateVersioned } from '../../platform/workflow.js'
import { enqueueJob } from '../../platform/jobs.js'
import type { TUpdateProgramme } from './benefits.schemas.js'
import { benefitProgrammes } from './benefits.tables.js'
import { findProgrammes } from './find-programmes.js'
import { refreshCandidatesJob } from './refresh-candidates.js'

/** A bureau admin edits a programme: validated by core, compare-and-set on version, audited. The code stays. */
export async function updateProgramme(ctx: Ctx, code: string, input: TUpdateProgramme) {
  requirePermission(ctx.actor, 'benefit:configure')
  const v = validateProgramme(input.definition)
  if (!v.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      `补贴项目设置有误：${v.errors[0]!.path} ${v.errors[0]!.message}`,
      v.errors.map((e) => ({ path: `definition.${e.path}`, message: e.message })),
    )
  }
  if (v.programme.code !== code) throw new AppError('VALIDATION_FAILED', '项目代码不能修改', [{ path: 'definition.code', message: '项目代码不能修改' }])
  await withTx(ctx, async (t) => {
    const [before] = await t.tx.select().from(benefitProgrammes).where(eq(benefitProgrammes.code, code)).for('update')
    if (!before) throw new AppError('NOT_FOUND', '补贴项目不存在')
    const after = await updateVersioned(t, benefitProgrammes, before.id, input.version, {
      definition: v.programme,
      isActive: input.isActive ?? before.isActive,
      updatedBy: ctx.actor!.userId,
    })
    await appendAudit(t, {
      action: 'benefit_programme.updated',
      entityType: 'benefit_programme',
      entityId: before.id,
      regionCode: before.regionCode,
      before: { definition: before.definition, isActive: before.isActive },
      after: { definition: after.definition, isActive: after.isActive },
    })
    // New rules, new lists: 应享未享 / 不再符合 are recomputed in the background (one statement, discovery-sql.ts).
    await enqueueJob(t, {
      kind: refreshCandidatesJob.kind,
      input: { prefix: ctx.actor!.scopePrefix },
      regionCode: ctx.actor!.scopeRegionCode,
      maxAttempts: 3,
    })
  })
  return (await findProgrammes(ctx)).find((p) => p.code === code)!
}
