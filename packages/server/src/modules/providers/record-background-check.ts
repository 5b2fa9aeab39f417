import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { updateVersioned } from '../../platform/workflow.js'
import { todayInShanghai } from '@yiyang/core'
import { getCaregiver } from './get-caregiver.js'
import { caregiverAuditSnapshot } from './providers.mapper.js'
import { getCaregiverInScope } from './providers.repo.js'
import type { TBackgroundCheck } from './providers.schemas.js'
import { caregivers } from './providers.tables.js'

/** 背景审查 (seed 003): result and date; no orders before a passed check. */
export async function recordBackgroundCheck(ctx: Ctx, caregiverId: string, input: TBackgroundCheck) {
  requirePermission(ctx.actor, 'caregiver:write')
  const actor = ctx.actor
  if (input.checkedOn > todayInShanghai(ctx.clock.now())) throw fieldError('checkedOn', '审查日期不能晚于今天')
  await withTx(ctx, async (t) => {
    const before = await getCaregiverInScope(t.tx, actor, caregiverId, true)
    const after = await updateVersioned(t, caregivers, before.id, before.version, { backgroundCheck: input.result, backgroundCheckDate: input.checkedOn })
    await appendAudit(t, {
      action: 'caregiver.background_checked',
      entityType: 'caregiver',
      entityId: before.id,
      regionCode: before.regionCode,
      before: caregiverAuditSnapshot(before),
      after: caregiverAuditSnapshot(after),
    })
  })
  return getCaregiver(ctx, caregiverId)
}
