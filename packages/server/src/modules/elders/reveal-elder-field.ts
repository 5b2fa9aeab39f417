import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { getElderInScope } from './elders.repo.js'
import type { revealFields, TContact } from './elders.schemas.js'

const fieldLabels = { idNumber: '身份证号', phone: '联系电话', address: '现住址', contacts: '紧急联系人电话' } as const

/** Full value of one protected field, with an audit row naming who, why and which field. */
export async function revealElderField(ctx: Ctx, elderId: string, input: { field: (typeof revealFields)[number]; reason: string }) {
  requirePermission(ctx.actor, 'elder:reveal')
  const row = await getElderInScope(ctx.db, ctx.actor, elderId)
  const c = ctx.crypto
  let value: string | null
  let contacts: TContact[] | undefined
  switch (input.field) {
    case 'idNumber':
      value = c.decrypt(row.idEnc)
      break
    case 'phone':
      value = row.phoneEnc ? c.decrypt(row.phoneEnc) : null
      break
    case 'address':
      value = row.addressEnc ? c.decrypt(row.addressEnc) : null
      break
    case 'contacts':
      contacts = row.contactsEnc ? (JSON.parse(c.decrypt(row.contactsEnc)) as TContact[]) : []
      value = contacts.map((x) => `${x.name} ${x.phone}`).join('；') || null
      break
  }
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'elder.revealed',
      entityType: 'elder',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { field: input.field, fieldLabel: fieldLabels[input.field], reason: input.reason },
    }),
  )
  return { field: input.field, value, contacts: contacts ?? null }
}
