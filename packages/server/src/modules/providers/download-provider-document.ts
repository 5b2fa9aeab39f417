import { fileTypes, fileStore, type TFileType } from '../../platform/file-store.js'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getDocumentOf } from './provider-documents.repo.js'
import { getProviderForRead } from './providers.repo.js'

/** A document's bytes, only through the scoped read of its provider; each download is audited. */
export async function downloadProviderDocument(ctx: Ctx, providerId: string, documentId: string) {
  requirePermission(ctx.actor, 'provider:read')
  const p = await getProviderForRead(ctx.db, ctx.actor, providerId)
  const doc = await getDocumentOf(ctx.db, p.id, documentId)
  const got = await fileStore(ctx.config).get(doc.fileKey)
  if (!got) throw new AppError('NOT_FOUND', '文件不存在或不在您的管辖范围内')
  await withTx(ctx, (t) =>
    appendAudit(t, { action: 'provider.document_downloaded', entityType: 'provider', entityId: p.id, regionCode: p.regionCode, after: { documentId: doc.id } }),
  )
  const ext = fileTypes[doc.fileType as TFileType]?.ext ?? 'bin'
  return { type: doc.fileType, size: got.bytes, stream: got.stream, filename: `${doc.title}.${ext}` }
}
