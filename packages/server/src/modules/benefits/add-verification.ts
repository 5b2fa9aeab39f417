import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { canTakeStep, todayInShanghai, type TApplicationStatus } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getUsersBrief } from '../accounts/index.js'
import { applicationStep, getApplicationInScope, getProgramme } from './benefits.repo.js'
import { applicationAuditSnapshot, type TApplicationRow } from './benefits.mapper.js'
import { benefitApplications, benefitFiles } from './benefits.tables.js'
import { advanceIfAssessed } from './advance-assessed.js'
import { getApplication } from './get-application.js'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_PHOTOS = 4
export type TPhoto = { fileName: string; buffer: Buffer }

/** The image type from the first bytes; the client's content type is not trusted. */
export function photoType(b: Buffer): string | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  return null
}

export const benefitFileDir = (ctx: Pick<Ctx, 'config'>) => join(ctx.config.dataDir, 'benefit-files')

/**
 * Home verification (入户核查): each of two DIFFERENT staff records a note and photos; the second
 * one moves the case to 已入户核查. The row is locked, so two staff saving at once are ordered.
 */
export async function addVerification(ctx: Ctx, id: string, input: { note: string; photos: TPhoto[] }) {
  requirePermission(ctx.actor, 'benefit:verify')
  const actor = ctx.actor
  const row = await getApplicationInScope(ctx.db, actor, id)
  const programme = await getProgramme(ctx.db, row.programmeCode)
  if (!programme.homeVerification) throw new AppError('INVALID_TRANSITION', '该补贴项目不需要入户核查')
  const note = input.note.trim()
  if (note.length < 2) throw fieldError('note', '请填写核查情况')
  if (note.length > 1000) throw fieldError('note', '核查情况最多 1000 字')
  if (input.photos.length > MAX_PHOTOS) throw fieldError('photos', `照片最多 ${MAX_PHOTOS} 张`)
  const typed = input.photos.map((p) => ({ ...p, mime: photoType(p.buffer) }))
  if (typed.some((p) => !p.mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '照片只支持 JPEG、PNG 或 WebP 图片', [{ path: 'photos', message: '不是图片' }])
  const me = (await getUsersBrief(ctx.db, [actor.userId])).get(actor.userId)
  const dir = benefitFileDir(ctx)
  await mkdir(dir, { recursive: true })
  const written: string[] = []
  try {
    await withTx(ctx, async (t) => {
      const before = await getApplicationInScope(t.tx, actor, id, true)
      if (!canTakeStep(programme, 'verify', before.status as TApplicationStatus)) throw new AppError('INVALID_TRANSITION')
      if (before.verifications.some((v) => v.userId === actor.userId)) {
        throw new AppError('CONFLICT', '您已记录过入户核查，需由另一名工作人员核查', [{ path: 'note', message: '需另一名工作人员' }])
      }
      const fileIds: string[] = []
      for (const p of typed) {
        const fileId = randomUUID()
        await writeFile(join(dir, fileId), p.buffer, { mode: 0o600 })
        written.push(fileId)
        await t.tx.insert(benefitFiles).values({
          id: fileId,
          applicationId: id,
          regionCode: before.regionCode,
          fileName: p.fileName.slice(0, 200),
          mime: p.mime!,
          size: p.buffer.length,
          uploadedBy: actor.userId,
        })
        fileIds.push(fileId)
      }
      const entry = { userId: actor.userId, name: me?.displayName ?? actor.username, note, at: ctx.clock.now().toISOString(), fileIds }
      const verifications = [...before.verifications, entry]
      if (verifications.length < 2) {
        const [after] = (await t.tx
          .update(benefitApplications)
          .set({ verifications, version: sql`${benefitApplications.version} + 1`, updatedAt: ctx.clock.now() })
          .where(eq(benefitApplications.id, id))
          .returning()) as TApplicationRow[]
        await appendAudit(t, {
          action: 'benefit_application.verification_recorded',
          entityType: 'benefit_application',
          entityId: id,
          regionCode: before.regionCode,
          before: applicationAuditSnapshot(before),
          after: { ...applicationAuditSnapshot(after!), note },
        })
        return
      }
      const cal = await loadWorkCalendar(t.tx, todayInShanghai(ctx.clock.now()))
      const after = await applicationStep(t, { programme, action: 'verify', before, isWorkingDay: cal.isWorkingDay, patch: { verifications }, extra: { note } })
      await advanceIfAssessed(t, programme, after, cal.isWorkingDay)
    })
  } catch (err) {
    await Promise.all(written.map((f) => rm(join(dir, f), { force: true })))
    throw err
  }
  return getApplication(ctx, id)
}
