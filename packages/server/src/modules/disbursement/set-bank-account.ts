import { maskBankCard } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { requirePermission } from '../../platform/permissions.js'
import { getElderForActor } from '../elders/index.js'
import { elderBankAccounts } from './disbursement.tables.js'

export type TBankAccountInput = { bankName: string; accountHolder: string; accountNumber: string }

/** Records where an elder's cash benefits go; the number is stored encrypted and audited masked. */
export async function setBankAccount(ctx: Ctx, elderId: string, input: TBankAccountInput) {
  requirePermission(ctx.actor, 'elder:write')
  const elder = await getElderForActor(ctx, elderId)
  const number = input.accountNumber.replace(/\s+/g, '')
  const row = {
    elderId,
    regionCode: elder.regionCode,
    bankName: input.bankName,
    accountHolder: input.accountHolder,
    accountNumberEnc: ctx.crypto.encrypt(number),
    accountNumberHash: ctx.crypto.lookupHash(`bank:${number}`),
    accountNumberLast4: number.slice(-4),
    updatedBy: ctx.actor.userId,
    updatedAt: ctx.clock.now(),
  }
  await withTx(ctx, async (t) => {
    const [before] = await t.tx.select().from(elderBankAccounts).where(eq(elderBankAccounts.elderId, elderId))
    await t.tx.insert(elderBankAccounts).values(row).onConflictDoUpdate({ target: elderBankAccounts.elderId, set: row })
    await appendAudit(t, {
      action: 'elder.bank_account_set',
      entityType: 'elder',
      entityId: elderId,
      regionCode: elder.regionCode,
      before: before ? { bankName: before.bankName, account: `****${before.accountNumberLast4}` } : null,
      after: { bankName: input.bankName, account: maskBankCard(number) },
    })
  })
  return toBankAccount(row)
}

export const toBankAccount = (r: { bankName: string; accountHolder: string; accountNumberLast4: string }) => ({
  bankName: r.bankName,
  accountHolder: r.accountHolder,
  accountNumberMasked: `**** ${r.accountNumberLast4}`,
})

/** The masked account for the elder page. */
export async function getBankAccount(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  await getElderForActor(ctx, elderId)
  const [row] = await ctx.db.select().from(elderBankAccounts).where(eq(elderBankAccounts.elderId, elderId))
  return row ? toBankAccount(row) : null
}
