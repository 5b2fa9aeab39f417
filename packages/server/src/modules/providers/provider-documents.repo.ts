import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import type { TProviderDocument } from './provider-documents.schemas.js'
import { providerDocuments } from './provider-documents.tables.js'

export type TDocumentRow = typeof providerDocuments.$inferSelect

export const toProviderDocument = (r: TDocumentRow): TProviderDocument => ({
  id: r.id,
  providerId: r.providerId,
  kind: r.kind,
  title: r.title,
  certificateId: r.certificateId,
  fileType: r.fileType,
  bytes: r.bytes,
  uploadedAt: r.uploadedAt.toISOString(),
})

/** A document of a provider the caller has already read in scope. */
export async function getDocumentOf(db: DbOrTx, providerId: string, documentId: string): Promise<TDocumentRow> {
  const [row] = await db
    .select()
    .from(providerDocuments)
    .where(and(eq(providerDocuments.id, documentId), eq(providerDocuments.providerId, providerId)))
  if (!row) throw new AppError('NOT_FOUND', '文件不存在或不在您的管辖范围内')
  return row
}

export const documentKey = (providerId: string, documentId: string) => `provider-docs/${providerId}/${documentId}`
