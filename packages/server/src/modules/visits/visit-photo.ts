import type { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { fileStore, fileTypes, imageTypes } from '../../platform/file-store.js'
import { requirePermission } from '../../platform/permissions.js'
import { getVisitInScope } from './visits.repo.js'
import { visits } from './visits.tables.js'

/** A phone photo after the page shrinks it is ~300 KB; 5 MB leaves room for a raw one [DESIGN]. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** Photos keep the folder and names they always had under DATA_DIR. */
const photoKey = (name: string) => `visit-photos/${name}`

/**
 * The visit's photo, streamed to the file store with a byte limit counted as it arrives (the body
 * is never held in memory) and its type checked by its first bytes; over the limit the answer is
 * 413 and nothing is kept. Only the visitor who recorded the visit, or staff who may record
 * visits in scope, may attach it.
 */
export async function uploadVisitPhoto(ctx: Ctx, id: string, file: { mimetype: string; stream: Readable }) {
  requirePermission(ctx.actor, 'visit:record')
  const visit = await getVisitInScope(ctx.db, ctx.actor, id)
  const store = fileStore(ctx.config)
  // The name keeps the form it always had; the type served is the one the bytes showed.
  const stored = `${visit.id}.${fileTypes[file.mimetype as keyof typeof fileTypes]?.ext ?? 'jpg'}`
  const put = await store.put(photoKey(stored), file.stream, { maxBytes: MAX_PHOTO_BYTES, types: imageTypes, label: '照片', declaredType: file.mimetype })
  await withTx(ctx, async (t) => {
    await t.tx.update(visits).set({ photoFile: stored, photoType: put.type, photoBytes: put.bytes }).where(eq(visits.id, visit.id))
    await appendAudit(t, {
      action: 'visit.photo_added',
      entityType: 'visit',
      entityId: visit.id,
      regionCode: visit.regionCode,
      after: { bytes: put.bytes, type: put.type, sha256: put.sha256 },
    })
  })
  return { ok: true as const, bytes: put.bytes }
}

/** The photo, in scope only. */
export async function getVisitPhoto(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'visit:read')
  const visit = await getVisitInScope(ctx.db, ctx.actor, id)
  if (!visit.photoFile) throw new AppError('NOT_FOUND', '该次探访没有照片')
  const got = await fileStore(ctx.config).get(photoKey(visit.photoFile))
  if (!got) throw new AppError('NOT_FOUND', '该次探访没有照片')
  return { type: visit.photoType ?? 'image/jpeg', size: got.bytes, stream: got.stream }
}
