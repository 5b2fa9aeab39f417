/**
 * Upload: checks who, that the file is an xlsx, and that it stays within the limits (zip
 * pre-check, before any parsing), then stores it as the attachment of a durable job. The work
 * itself is run-elder-import.ts, run by the job runner.
 */
import { withTx } from '../../platform/context.js'
import type { Ctx } from '../../platform/context.js'
import { isSealedBytes, type Crypto } from '../../platform/crypto.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { enqueueJob } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { assertDuplicateBudget } from './duplicate-guard.js'
import { ELDER_IMPORT_JOB, type TImportInput, type TImportMode } from './import-types.js'
import { checkXlsxArchive } from './xlsx-guard.js'

/**
 * The uploaded workbook holds ID numbers, phones and health data in clear; like every other copy
 * of them in the database it is stored encrypted (docs/elders.md §3), as the job's attachment.
 */
export const sealImportFile = (crypto: Crypto, file: Buffer): Buffer => crypto.encryptBytes(file)
/** Opens both forms: bytes, and the text ciphertext of base64 that uploads queued before 2026-12 kept. */
export const openImportFile = (crypto: Crypto, sealed: Buffer): Buffer =>
  isSealedBytes(sealed) ? crypto.decryptBytes(sealed) : Buffer.from(crypto.decrypt(sealed.toString('utf8')), 'base64')

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** Checks that the upload is an xlsx within the limits; throws a 4xx AppError otherwise. */
export async function checkImportFile(buffer: Buffer) {
  if (buffer.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的', [{ path: 'file', message: '上传的文件是空的' }])
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '这是旧版 .xls 文件，请在 Excel 中“另存为 .xlsx”后再上传', [
      { path: 'file', message: '请另存为 .xlsx 后上传' },
    ])
  }
  if (!buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件不是 Excel（.xlsx）格式，请使用下载的导入模板', [{ path: 'file', message: '只支持 .xlsx 文件' }])
  }
  await checkXlsxArchive(buffer)
}

export async function startElderImport(ctx: Ctx, file: { buffer: Buffer; filename: string }, mode: TImportMode) {
  requirePermission(ctx.actor, 'elder:import')
  const actor = ctx.actor
  try {
    await checkImportFile(file.buffer)
  } catch (err) {
    // A refused upload (a zip bomb is one) leaves its trace too; the audit row commits on its own.
    if (err instanceof AppError) {
      await withTx(ctx, (t) =>
        appendAudit(t, {
          action: 'elder.import_refused',
          entityType: 'import_job',
          regionCode: actor.scopeRegionCode,
          after: { filename: file.filename.slice(0, 200), size: file.buffer.length, code: err.code, reason: err.fields?.[0]?.message ?? err.userMessage },
        }),
      )
    }
    throw err
  }
  await assertDuplicateBudget(ctx, 'import')
  const input: TImportInput = { filename: file.filename.slice(0, 200), size: file.buffer.length, mode }
  const { id } = await withTx(ctx, (t) =>
    enqueueJob(t, {
      kind: ELDER_IMPORT_JOB,
      input,
      regionCode: actor.scopeRegionCode,
      attachment: sealImportFile(ctx.crypto, file.buffer),
      maxAttempts: 3,
    }),
  )
  return { id }
}
