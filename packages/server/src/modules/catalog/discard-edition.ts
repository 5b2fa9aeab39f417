import { catalogEditionFlow, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { editionAuditSnapshot } from './catalog.mapper.js'
import { assertEditableDraft, editionsOut, loadVisibleEdition } from './catalog.repo.js'
import { catalogEditions } from './catalog.tables.js'

/** Gives up a draft; it stays (read-only) in the history. */
export async function discardEdition(ctx: Ctx, id: string, input: { version: number }) {
  requirePermission(ctx.actor, catalogEditionFlow.discard.permission)
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await loadVisibleEdition(t.tx, actor, id, { forUpdate: true })
    assertEditableDraft(actor, before)
    return runStep(t, {
      table: catalogEditions,
      step: catalogEditionFlow.discard,
      before,
      version: input.version,
      audit: { action: 'catalog.edition_discarded', entityType: 'catalog_edition', snapshot: editionAuditSnapshot },
    })
  })
  const [out] = await editionsOut(ctx, ctx.db, [row], todayInShanghai(ctx.clock.now()))
  return out!
}
