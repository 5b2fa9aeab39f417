import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getVisitInScope } from './visits.repo.js'
import { visits } from './visits.tables.js'

/** A phone photo after the page shrinks it is ~300 KB; 5 MB leaves room for a raw one [DESIGN]. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const photoTypes = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

const photoDir = (ctx: Ctx) => join(ctx.config.dataDir, 'visit-photos')

/**
 * The visit's photo, streamed to DATA_DIR with a byte limit counted as it arrives (the body is
 * never held in memory); over the limit the partial file is removed and the answer is 413.
 * Only the visitor who recorded the visit, or staff who may record visits in scope, may attach it.
 */
export async function uploadVisitPhoto(ctx: Ctx, id: string, file: { mimetype: string; stream: Readable }) {
  requirePermission(ctx.actor, 'visit:record')
  const visit = await getVisitInScope(ctx.db, ctx.actor, id)
  const ext = photoTypes[file.mimetype as keyof typeof photoTypes]
  if (!ext) {
    file.stream.resume()
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '照片只支持 JPEG、PNG 或 WebP 格式', [{ path: 'file', message: '请上传 JPEG、PNG 或 WebP 照片' }])
  }
  await mkdir(photoDir(ctx), { recursive: true })
  const name = `${visit.id}.${ext}`
  const path = join(photoDir(ctx), name)
  let bytes = 0
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      if (bytes > MAX_PHOTO_BYTES)
        done(new AppError('PAYLOAD_TOO_LARGE', `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, [{ path: 'file', message: '照片过大' }]))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(file.stream, limit, createWriteStream(path))
    // @fastify/multipart stops at its own limit and marks the stream truncated instead of failing.
    if ((file.stream as Readable & { truncated?: boolean }).truncated)
      throw new AppError('PAYLOAD_TOO_LARGE', `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`)
  } catch (err) {
    await rm(path, { force: true })
    file.stream.resume()
    throw err
  }
  await withTx(ctx, async (t) => {
    await t.tx.update(visits).set({ photoFile: name, photoType: file.mimetype, photoBytes: bytes }).where(eq(visits.id, visit.id))
    await appendAudit(t, {
      action: 'visit.photo_added',
      entityType: 'visit',
      entityId: visit.id,
      regionCode: visit.regionCode,
      after: { bytes, type: file.mimetype },
    })
  })
  return { ok: true as const, bytes }
}

/** The photo, in scope only. */
export async function getVisitPhoto(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'visit:read')
  const visit = await getVisitInScope(ctx.db, ctx.actor, id)
  if (!visit.photoFile) throw new AppError('NOT_FOUND', '该次探访没有照片')
  const path = join(photoDir(ctx), visit.photoFile)
  const info = await stat(path).catch(() => null)
  if (!info) throw new AppError('NOT_FOUND', '该次探访没有照片')
  return { type: visit.photoType ?? 'image/jpeg', size: info.size, stream: createReadStream(path) }
}
