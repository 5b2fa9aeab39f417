import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { loadSeedProgrammes } from '../../seed/programmes.js'
import { benefitProgrammes } from './benefits.tables.js'

/** The installation's district: programme edits are audited there. */
export const PROGRAMME_REGION = '620702000000'

/** Seeds the demo programmes from packages/server/src/seed/programmes.json (existing codes are left alone). */
export async function seedProgrammes(ctx: Ctx, regionCode = PROGRAMME_REGION) {
  const list = await loadSeedProgrammes()
  await withTx(ctx, async (t) => {
    for (const [i, p] of list.entries()) {
      const inserted = await t.tx
        .insert(benefitProgrammes)
        .values({ code: p.code, regionCode, definition: p, position: i * 10 })
        .onConflictDoNothing()
        .returning({ id: benefitProgrammes.id })
      if (inserted[0]) {
        await appendAudit(t, {
          action: 'benefit_programme.seeded',
          entityType: 'benefit_programme',
          entityId: inserted[0].id,
          regionCode,
          after: { code: p.code, name: p.name },
        })
      }
    }
  })
}
