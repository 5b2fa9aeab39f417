import { evaluateProgramme, paymentAge, validateProgramme } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds, getElderForActor } from '../elders/index.js'
import type { TPreviewProgramme } from './benefits.schemas.js'

/**
 * The programme editor's live preview: a draft programme evaluated against one elder the actor
 * may read, for a payment month, clause by clause. A draft that does not validate answers with
 * its errors (not a 400) so the editor can show them beside the form.
 */
export async function previewProgramme(ctx: Ctx, input: TPreviewProgramme) {
  requirePermission(ctx.actor, 'benefit:configure')
  const elder = await getElderForActor(ctx, input.elderId)
  const facts = (await eligibilityFactsByIds(ctx.db, [elder.id])).get(elder.id)
  if (!facts) throw new AppError('NOT_FOUND')
  const v = validateProgramme(input.definition)
  const age = paymentAge(facts.facts.birthDate, input.month)
  if (!v.ok) return { valid: false, errors: v.errors, month: input.month, paymentAge: age, eligible: false, amountFen: 0, clauses: [] }
  const r = evaluateProgramme(v.programme, facts.facts, input.month)
  return { valid: true, errors: [], month: input.month, paymentAge: age, eligible: r.eligible, amountFen: r.amountFen, clauses: r.clauses }
}
