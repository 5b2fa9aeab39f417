import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { documentTypes, fileStore } from '../../platform/file-store.js'
import { PROVIDER_DOCUMENT_MAX_BYTES } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { documentKey, toProviderDocument } from './provider-documents.repo.js'
import type { TDocumentUploadQuery } from './provider-documents.schemas.js'
import { providerDocuments } from './provider-documents.tables.js'
import { getProviderForWrite } from './providers.repo.js'
import { caregiverCertificates } from './providers.tables.js'

/**
 * A licence or qualification document (or a caregiver's certificate scan), uploaded by the
 * provider's own admin or the bureau that manages the provider: streamed into the file store with
 * its limit and type check, then recorded and audited. A failed record removes the stored file.
 */
export async function uploadProviderDocument(ctx: Ctx, providerId: string, q: TDocumentUploadQuery, file: { mimetype: string; stream: Readable }) {
  requirePermission(ctx.actor, 'provider:register')
  const provider = await getProviderForWrite(ctx.db, ctx.actor, providerId).catch((e: unknown) => {
    file.stream.resume()
    throw e
  })
  if (q.kind === 'certificate_scan') {
    const [cert] = q.certificateId
      ? await ctx.db
          .select({ id: caregiverCertificates.id })
          .from(caregiverCertificates)
          .where(and(eq(caregiverCertificates.id, q.certificateId), eq(caregiverCertificates.providerId, provider.id)))
      : []
    if (!cert) {
      file.stream.resume()
      throw new AppError('VALIDATION_FAILED', '证书扫描件须指明本服务商护理员的证书', [{ path: 'certificateId', message: '请选择证书' }])
    }
  }
  const id = randomUUID()
  const store = fileStore(ctx.config)
  const put = await store.put(documentKey(provider.id, id), file.stream, {
    maxBytes: PROVIDER_DOCUMENT_MAX_BYTES,
    types: documentTypes,
    label: '资质文件',
    declaredType: file.mimetype,
  })
  try {
    const row = await withTx(ctx, async (t) => {
      const [r] = await t.tx
        .insert(providerDocuments)
        .values({
          id,
          providerId: provider.id,
          regionCode: provider.regionCode,
          kind: q.kind,
          title: q.title,
          certificateId: q.kind === 'certificate_scan' ? (q.certificateId ?? null) : null,
          fileKey: put.key,
          fileType: put.type,
          bytes: put.bytes,
          sha256: put.sha256,
          uploadedBy: t.actor?.userId ?? null,
          uploadedAt: t.clock.now(),
        })
        .returning()
      await appendAudit(t, {
        action: 'provider.document_uploaded',
        entityType: 'provider',
        entityId: provider.id,
        regionCode: provider.regionCode,
        after: { documentId: id, kind: q.kind, title: q.title, type: put.type, bytes: put.bytes, sha256: put.sha256 },
      })
      return r!
    })
    return toProviderDocument(row)
  } catch (err) {
    await store.delete(put.key)
    throw err
  }
}
