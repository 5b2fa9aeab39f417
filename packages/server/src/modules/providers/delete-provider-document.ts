import { eq } from 'drizzle-orm'
import { fileStore } from '../../platform/file-store.js'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getDocumentOf } from './provider-documents.repo.js'
import { providerDocuments } from './provider-documents.tables.js'
import { getProviderForWrite } from './providers.repo.js'

/** Removes a document uploaded by mistake (the audit keeps its hash); the bytes go after the commit. */
export async function deleteProviderDocument(ctx: Ctx, providerId: string, documentId: string) {
  requirePermission(ctx.actor, 'provider:register')
  const actor = ctx.actor
  const doc = await withTx(ctx, async (t) => {
    const p = await getProviderForWrite(t.tx, actor, providerId)
    const d = await getDocumentOf(t.tx, p.id, documentId)
    await t.tx.delete(providerDocuments).where(eq(providerDocuments.id, d.id))
    await appendAudit(t, {
      action: 'provider.document_deleted',
      entityType: 'provider',
      entityId: p.id,
      regionCode: p.regionCode,
      before: { documentId: d.id, kind: d.kind, title: d.title, sha256: d.sha256 },
    })
    return d
  })
  await fileStore(ctx.config).delete(doc.fileKey)
  return { ok: true as const }
}
