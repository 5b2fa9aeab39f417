import { maskAddress, maskPhone, todayInShanghai } from '@yiyang/core'
import { and, eq, inArray, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission, scopeLike, type TActor } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { regions } from '../regions/regions.tables.js'
import { jobs } from '../../platform/jobs.tables.js'
import { rowsOf } from '../../db/client.js'
import { normalizePhone, nameInitials, storedCategories } from './elder-values.js'
import { diffSnapshots, type TChange, type TElderRow } from './elders.mapper.js'
import { regionLabel } from './elders.repo.js'
import { elderHistory, elders } from './elders.tables.js'
import {
  isEmptyRow, matchHeaders, MAX_IMPORT_ROWS, parseImportRow, type TImportError, type TImportKey, type TImportRecord, type TRegionResolver,
} from './import-columns.js'
import type { TContact } from './elders.schemas.js'

export const importModes = ['all_or_nothing', 'valid_only'] as const
export type TImportMode = (typeof importModes)[number]

export type TImportProgress = { phase: 'queued' | 'reading' | 'checking' | 'writing' | 'done'; percent: number; rowsRead: number }
export type TImportResult = {
  mode: TImportMode
  committed: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  errorRows: number
  errorCount: number
  /** Row-level errors, encrypted (values may hold ID numbers). */
  errorsEnc?: string
  message: string
}

/** Progress of running imports in this process: readable while the write transaction holds the database. */
const liveProgress = new Map<string, TImportProgress>()
const MAX_STORED_ERRORS = 50_000

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** Upload: checks the file is an xlsx at all, then queues the background job. */
export async function startElderImport(ctx: Ctx, file: { buffer: Buffer; filename: string }, mode: TImportMode) {
  requirePermission(ctx.actor, 'elder:import')
  const actor = ctx.actor
  if (file.buffer.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的', [{ path: 'file', message: '上传的文件是空的' }])
  if (file.buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '这是旧版 .xls 文件，请在 Excel 中“另存为 .xlsx”后再上传', [{ path: 'file', message: '请另存为 .xlsx 后上传' }])
  }
  if (!file.buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件不是 Excel（.xlsx）格式，请使用下载的导入模板', [{ path: 'file', message: '只支持 .xlsx 文件' }])
  }
  const id = randomUUID()
  await ctx.db.insert(jobs).values({
    id, kind: 'elder_import', status: 'queued', createdBy: actor.userId, regionCode: actor.scopeRegionCode,
    input: { filename: file.filename.slice(0, 200), size: file.buffer.length, mode }, progress: { phase: 'queued', percent: 0, rowsRead: 0 },
  })
  liveProgress.set(id, { phase: 'queued', percent: 0, rowsRead: 0 })
  const run = runElderImport(ctx, id, file.buffer, mode)
  running.add(run)
  void run.finally(() => running.delete(run))
  return { id }
}

const running = new Set<Promise<void>>()
/** Waits for imports started in this process (graceful shutdown, tests, bench). */
export async function settleImports() {
  await Promise.allSettled([...running])
}

async function setJob(ctx: Ctx, id: string, patch: Partial<typeof jobs.$inferInsert>) {
  await ctx.db.update(jobs).set(patch).where(eq(jobs.id, id))
}

/** The job: read and validate every row, check existing records, then write all in one transaction. */
export async function runElderImport(ctx: Ctx, jobId: string, buffer: Buffer, mode: TImportMode): Promise<void> {
  const actor = ctx.actor!
  const progress = (p: TImportProgress) => liveProgress.set(jobId, p)
  try {
    await new Promise((r) => setImmediate(r))
    await setJob(ctx, jobId, { status: 'running', startedAt: ctx.clock.now(), progress: { phase: 'reading', percent: 0, rowsRead: 0 } })
    const today = todayInShanghai(ctx.clock.now())
    const resolveRegion = await regionResolver(ctx, actor)
    const parsed = await readRows(buffer, { today, resolveRegion }, async (p) => {
      progress(p)
      await setJob(ctx, jobId, { progress: p })
    })
    if ('fatal' in parsed) {
      await finish(ctx, jobId, 'failed', { error: parsed.fatal })
      return
    }
    progress({ phase: 'checking', percent: 70, rowsRead: parsed.rows })
    await setJob(ctx, jobId, { progress: { phase: 'checking', percent: 70, rowsRead: parsed.rows } })
    const plan = await planWrites(ctx, actor, parsed.records, parsed.errors, today)
    const errors = parsed.errors.sort((a, b) => a.row - b.row)
    const errorRows = new Set(errors.map((e) => e.row)).size
    const base = {
      mode, rows: parsed.rows, errorRows, errorCount: errors.length,
      errorsEnc: errors.length ? ctx.crypto.encrypt(JSON.stringify(errors.slice(0, MAX_STORED_ERRORS))) : undefined,
    }
    if (parsed.rows === 0) {
      await finish(ctx, jobId, 'failed', { error: '文件中没有数据行：请在表头下方逐行填写老年人信息' })
      return
    }
    if (mode === 'all_or_nothing' && errors.length > 0) {
      const result: TImportResult = { ...base, committed: false, created: 0, updated: 0, unchanged: 0, message: `发现 ${errorRows} 行有错误，按“全部成功才导入”的方式，本次未导入任何数据。请下载错误报告，改正后重新导入。` }
      await finish(ctx, jobId, 'succeeded', { result })
      return
    }
    progress({ phase: 'writing', percent: 80, rowsRead: parsed.rows })
    await setJob(ctx, jobId, { progress: { phase: 'writing', percent: 80, rowsRead: parsed.rows } })
    await withTx(ctx, async (t) => {
      const total = plan.creates.length + plan.updates.length
      let done = 0
      for (let i = 0; i < plan.creates.length; i += 5000) {
        const chunk = plan.creates.slice(i, i + 5000)
        const inserted = await insertElders(t, chunk)
        await t.tx.execute(sql`
          insert into ${elderHistory} (elder_id, region_code, action, source, actor_id, actor_name, at, changes)
          select u.id, u.region_code, 'created', 'import', ${actor.userId}, ${actor.username}, ${ctx.clock.now().toISOString()}::timestamptz, ${JSON.stringify([{ field: 'import', label: '批量导入建档', before: null, after: `导入任务 ${jobId.slice(0, 8)}` }])}::jsonb
          from unnest(${pgArray(inserted.map((r) => r.id))}::uuid[], ${pgArray(inserted.map((r) => r.regionCode))}::varchar[]) as u(id, region_code)`)
        done += chunk.length
        progress({ phase: 'writing', percent: 80 + Math.floor((20 * done) / Math.max(1, total)), rowsRead: parsed.rows })
      }
      for (let i = 0; i < plan.updates.length; i += 1000) {
        const chunk = plan.updates.slice(i, i + 1000)
        await t.tx.execute(sql`
          update ${elders} as e set
            name = v.name, name_initials = v.name_initials, region_code = v.region_code, hukou = v.hukou, living_arrangement = v.living_arrangement,
            typed_categories = array(select jsonb_array_elements_text(v.typed_categories)),
            categories = array(select jsonb_array_elements_text(v.categories)),
            address_enc = v.address_enc, address_masked = v.address_masked, phone_enc = v.phone_enc, phone_hash = v.phone_hash,
            phone_prefix3 = v.phone_prefix3, phone_last4 = v.phone_last4, contacts_enc = v.contacts_enc, has_guardian = v.has_guardian,
            health_enc = v.health_enc, has_family_doctor = v.has_family_doctor, family_doctor_date = v.family_doctor_date,
            family_doctor_name = v.family_doctor_name, note = v.note,
            last_category_change_at = coalesce(v.last_category_change_at, e.last_category_change_at),
            version = e.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(chunk.map((u) => u.values))}::jsonb) as v(
            id uuid, name text, name_initials text, region_code varchar, hukou text, living_arrangement text, typed_categories jsonb, categories jsonb,
            address_enc text, address_masked text, phone_enc text, phone_hash text, phone_prefix3 varchar, phone_last4 varchar, contacts_enc text,
            has_guardian boolean, health_enc text, has_family_doctor boolean, family_doctor_date date, family_doctor_name text, note text,
            last_category_change_at timestamptz)
          where e.id = v.id`)
        await t.tx.insert(elderHistory).values(chunk.map((u) => ({
          elderId: u.values.id, regionCode: u.values.region_code, action: 'updated', source: 'import', actorId: actor.userId, actorName: actor.username,
          at: ctx.clock.now(), changes: u.changes,
        })))
        done += chunk.length
        progress({ phase: 'writing', percent: 80 + Math.floor((20 * done) / Math.max(1, total)), rowsRead: parsed.rows })
      }
      const summary = { jobId, mode, rows: parsed.rows, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, errorRows }
      await appendAudit(t, { action: 'elder.imported', entityType: 'import_job', entityId: jobId, regionCode: actor.scopeRegionCode, after: summary })
      await recordEvent(t, { type: 'elders.imported', entityType: 'import_job', entityId: jobId, regionCode: actor.scopeRegionCode, payload: summary })
    })
    const parts = [`新增 ${plan.creates.length} 人`, `更新 ${plan.updates.length} 人`, `无变化 ${plan.unchanged} 人`]
    if (errorRows) parts.push(`${errorRows} 行有错误未导入`)
    const result: TImportResult = { ...base, committed: true, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, message: `导入完成：${parts.join('，')}。` }
    await finish(ctx, jobId, 'succeeded', { result })
  } catch (err) {
    const message = err instanceof AppError ? err.userMessage
      : /duplicate key|elders_id_hash_uq/.test(String((err as Error)?.message) + String((err as { cause?: Error })?.cause?.message))
        ? '导入期间有人登记了文件中的同一身份证号，本次未导入任何数据，请重新导入'
        : '导入失败，本次未导入任何数据；如持续出现，请把任务编号告知管理员'
    await finish(ctx, jobId, 'failed', { error: message }).catch(() => {})
    if (!(err instanceof AppError)) process.emitWarning(`elder import ${jobId} failed: ${(err as Error)?.stack ?? String(err)}`)
  } finally {
    liveProgress.delete(jobId)
  }
}

async function finish(ctx: Ctx, jobId: string, status: 'succeeded' | 'failed', r: { result?: TImportResult; error?: string }) {
  await setJob(ctx, jobId, {
    status, finishedAt: ctx.clock.now(), result: r.result ?? null, error: r.error ?? null,
    progress: { phase: 'done', percent: 100, rowsRead: r.result?.rows ?? 0 },
  })
}

/** Communities/villages inside the actor's scope, by code, "code name" or unique name. */
async function regionResolver(ctx: Ctx, actor: TActor): Promise<TRegionResolver> {
  const rows = await ctx.db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions).where(sql`${regions.code} like ${scopeLike(actor.scopePrefix)} or ${regions.level} = 'township'`)
  const villages = rows.filter((r) => r.level === 'village' && r.code.startsWith(actor.scopePrefix))
  const townships = new Map(rows.filter((r) => r.level === 'township').map((r) => [r.code, r.name]))
  const byCode = new Map(villages.map((v) => [v.code, v]))
  const byName = new Map<string, string[]>()
  for (const v of villages) {
    for (const n of [v.name, `${townships.get(v.parentCode ?? '') ?? ''}${v.name}`]) byName.set(n, [...(byName.get(n) ?? []), v.code])
  }
  return (text) => {
    const m = /^(\d{12})/.exec(text)
    if (m) {
      return byCode.has(m[1]!) ? { code: m[1]! } : { error: `区划代码 ${m[1]} 不是您管辖范围内的社区（村）` }
    }
    const codes = byName.get(text.replace(/\s+/g, ''))
    if (!codes) return { error: `找不到您管辖范围内名为“${text}”的社区（村），请从下拉列表选择` }
    if (codes.length > 1) return { error: `有多个名为“${text}”的社区（村），请填写12位区划代码` }
    return { code: codes[0]! }
  }
}

type TReadResult = { rows: number; records: TImportRecord[]; errors: TImportError[] } | { fatal: string }

/** Streams the first worksheet: finds the header row, parses each data row, finds in-file duplicates. */
async function readRows(buffer: Buffer, opts: { today: string; resolveRegion: TRegionResolver }, onProgress: (p: TImportProgress) => Promise<void>): Promise<TReadResult> {
  let bytes = 0
  const source = Readable.from((function* () {
    for (let i = 0; i < buffer.length; i += 65536) {
      bytes = Math.min(buffer.length, i + 65536)
      yield buffer.subarray(i, i + 65536)
    }
  })())
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })
  const records: TImportRecord[] = []
  const errors: TImportError[] = []
  const firstRowOfId = new Map<string, number>()
  let header: Map<number, TImportKey> | null = null
  let dataRows = 0
  let lastReport = 0
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[]
        if (!header) {
          if (row.number > 10) return { fatal: '前10行中找不到表头：第一行应包含“姓名”“身份证号”“所在社区（村）”等列，请使用下载的导入模板' }
          const cells = new Map<number, string>()
          values.forEach((v, i) => { if (typeof v === 'string' || (v && typeof v === 'object' && 'richText' in v)) cells.set(i, typeof v === 'string' ? v : (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')) })
          const m = matchHeaders(cells)
          if (m.columns.size >= 2 || (m.columns.size >= 1 && m.missing.length < 3)) {
            if (m.missing.length) return { fatal: `表头缺少必需的列：${m.missing.join('、')}。请使用下载的导入模板，不要修改表头` }
            if (m.duplicate.length) return { fatal: `表头中有重复的列：${m.duplicate.join('、')}` }
            header = m.columns
          }
          continue
        }
        const cells = new Map<TImportKey, unknown>()
        for (const [col, key] of header) cells.set(key, values[col] ?? null)
        if (isEmptyRow(cells)) continue
        dataRows++
        if (dataRows > MAX_IMPORT_ROWS) return { fatal: `文件超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行数据，请拆分为多个文件分批导入` }
        const r = parseImportRow(row.number, cells, opts)
        if ('errors' in r) errors.push(...r.errors)
        else {
          const first = firstRowOfId.get(r.record.idNumber)
          if (first !== undefined) {
            errors.push({ row: row.number, column: '身份证号', value: maskIdForReport(r.record.idNumber), message: `与第 ${first} 行的身份证号重复（同一人只能出现一次）` })
          } else {
            firstRowOfId.set(r.record.idNumber, row.number)
            records.push(r.record)
          }
        }
        if (dataRows - lastReport >= 2000) {
          lastReport = dataRows
          await onProgress({ phase: 'reading', percent: Math.min(69, Math.floor((70 * bytes) / buffer.length)), rowsRead: dataRows })
        }
      }
      break // only the first worksheet holds data; the template's other sheets are help and lists
    }
  } catch (err) {
    return { fatal: `文件无法按 Excel（.xlsx）读取，可能已损坏或不是 Excel 文件（${String((err as Error)?.message ?? err).slice(0, 80)}）` }
  }
  if (!header) return { fatal: '找不到表头：第一行应包含“姓名”“身份证号”“所在社区（村）”等列，请使用下载的导入模板' }
  // In-file duplicates keep the first row: the later rows are the errors.
  return { rows: dataRows, records, errors }
}

/** In the error report the ID number a person typed is shown in full: they need to fix it. */
const maskIdForReport = (id: string) => id

type TUpdate = { values: Record<string, unknown> & { id: string; region_code: string }; changes: TChange[] }
type TPlan = { creates: (typeof elders.$inferInsert)[]; updates: TUpdate[]; unchanged: number }

type TClear = {
  name: string; regionCode: string; hukou: string; livingArrangement: string; typedCategories: string[]; address: string | null
  phone: string | null; contacts: TContact[]; chronicConditions: string[]; hasFamilyDoctor: boolean; familyDoctorDate: string | null
  familyDoctorName: string | null; note: string | null
}

const maskedOfClear = (c: TClear) => ({
  name: c.name, regionCode: c.regionCode, hukou: c.hukou, livingArrangement: c.livingArrangement, categories: [...c.typedCategories].sort(),
  address: c.address ? maskAddress(c.address) : null, phone: c.phone ? maskPhone(c.phone) : null,
  contacts: c.contacts.map((x) => `${x.name}（${x.relation || '联系人'}${x.isGuardian ? '，监护人' : ''}）${maskPhone(x.phone)}`),
  chronicConditions: c.chronicConditions.length, hasFamilyDoctor: c.hasFamilyDoctor, familyDoctorDate: c.familyDoctorDate, familyDoctorName: c.familyDoctorName, note: c.note,
})

/** Splits valid records into creates, updates (with field changes) and unchanged; out-of-scope duplicates become errors. */
async function planWrites(ctx: Ctx, actor: TActor, records: TImportRecord[], errors: TImportError[], today: string): Promise<TPlan> {
  const c = ctx.crypto
  const hashes = records.map((r) => c.lookupHash(r.idNumber))
  const existing = new Map<string, TElderRow>()
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await ctx.db.select().from(elders).where(inArray(elders.idHash, hashes.slice(i, i + 5000)))
    for (const r of rows) existing.set(r.idHash, r)
  }
  const labels = new Map<string, string>()
  const plan: TPlan = { creates: [], updates: [], unchanged: 0 }
  const now = ctx.clock.now()
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!
    const hash = hashes[i]!
    const old = existing.get(hash)
    if (old && (!old.regionCode.startsWith(actor.scopePrefix) || old.mergedInto)) {
      if (!labels.has(old.regionCode)) labels.set(old.regionCode, await regionLabel(ctx.db, old.regionCode))
      errors.push({
        row: rec.row, column: '身份证号', value: rec.idNumber,
        message: old.mergedInto ? '该身份证号的档案已合并到其他档案，请在系统中核对' : `该身份证号已在${labels.get(old.regionCode)}登记，不在您的管辖范围内；如需迁入请联系该社区`,
      })
      continue
    }
    const before: TClear | null = old ? {
      name: old.name, regionCode: old.regionCode, hukou: old.hukou, livingArrangement: old.livingArrangement, typedCategories: old.typedCategories,
      address: old.addressEnc ? c.decrypt(old.addressEnc) : null, phone: old.phoneEnc ? c.decrypt(old.phoneEnc) : null,
      contacts: old.contactsEnc ? JSON.parse(c.decrypt(old.contactsEnc)) as TContact[] : [], chronicConditions: old.healthEnc ? JSON.parse(c.decrypt(old.healthEnc)) as string[] : [],
      hasFamilyDoctor: old.hasFamilyDoctor, familyDoctorDate: old.familyDoctorDate, familyDoctorName: old.familyDoctorName, note: old.note,
    } : null
    const contact = rec.contact ? { ...rec.contact, phone: normalizePhone(rec.contact.phone) } : undefined
    const next: TClear = {
      name: rec.name, regionCode: rec.regionCode,
      hukou: rec.hukou ?? before?.hukou ?? 'local', livingArrangement: rec.livingArrangement ?? before?.livingArrangement ?? 'other',
      typedCategories: rec.categories ?? before?.typedCategories ?? [],
      address: rec.address ?? before?.address ?? null, phone: rec.phone ? normalizePhone(rec.phone) : before?.phone ?? null,
      contacts: contact ? [contact, ...(before?.contacts ?? []).filter((x) => x.name !== contact.name)].slice(0, 10) : before?.contacts ?? [],
      chronicConditions: rec.chronicConditions ?? before?.chronicConditions ?? [],
      hasFamilyDoctor: rec.hasFamilyDoctor ?? (rec.familyDoctorDate || rec.familyDoctorName ? true : before?.hasFamilyDoctor ?? false),
      familyDoctorDate: rec.familyDoctorDate ?? before?.familyDoctorDate ?? null, familyDoctorName: rec.familyDoctorName ?? before?.familyDoctorName ?? null,
      note: rec.note ?? before?.note ?? null,
    }
    if (before && JSON.stringify(before) === JSON.stringify(next)) { plan.unchanged++; continue }
    const categories = storedCategories({
      typed: next.typedCategories, birthDate: rec.birthDate, today, livingArrangement: next.livingArrangement,
      abilityLevel: old?.abilityLevel, abilityScale: old?.abilityScale, hasDementia: old?.hasDementia,
    })
    const pii = {
      addressEnc: next.address ? c.encrypt(next.address) : null, addressMasked: next.address ? maskAddress(next.address) : null,
      phoneEnc: next.phone ? c.encrypt(next.phone) : null, phoneHash: next.phone ? c.lookupHash(next.phone) : null,
      phonePrefix3: next.phone ? next.phone.slice(0, 3) : null, phoneLast4: next.phone ? next.phone.slice(-4) : null,
      contactsEnc: next.contacts.length ? c.encrypt(JSON.stringify(next.contacts)) : null, hasGuardian: next.contacts.length > 0,
      healthEnc: next.chronicConditions.length ? c.encrypt(JSON.stringify(next.chronicConditions)) : null,
    }
    if (!old) {
      plan.creates.push({
        regionCode: next.regionCode, name: next.name, nameInitials: nameInitials(next.name), idHash: hash, idEnc: c.encrypt(rec.idNumber),
        idPrefix6: rec.idNumber.slice(0, 6), birthDate: rec.birthDate, sex: rec.sex, hukou: next.hukou as 'local', livingArrangement: next.livingArrangement,
        typedCategories: next.typedCategories, categories, ...pii, hasFamilyDoctor: next.hasFamilyDoctor, familyDoctorDate: next.familyDoctorDate,
        familyDoctorName: next.familyDoctorName, note: next.note, lastCategoryChangeAt: next.typedCategories.length ? now : null,
        createdBy: actor.userId, createdAt: now, updatedAt: now,
      })
    } else {
      const categoriesChanged = [...categories].sort().join() !== [...old.categories].sort().join()
      plan.updates.push({
        values: {
          id: old.id, name: next.name, name_initials: nameInitials(next.name), region_code: next.regionCode, hukou: next.hukou,
          living_arrangement: next.livingArrangement, typed_categories: next.typedCategories, categories,
          address_enc: pii.addressEnc, address_masked: pii.addressMasked, phone_enc: pii.phoneEnc, phone_hash: pii.phoneHash,
          phone_prefix3: pii.phonePrefix3, phone_last4: pii.phoneLast4, contacts_enc: pii.contactsEnc, has_guardian: pii.hasGuardian,
          health_enc: pii.healthEnc, has_family_doctor: next.hasFamilyDoctor, family_doctor_date: next.familyDoctorDate,
          family_doctor_name: next.familyDoctorName, note: next.note, last_category_change_at: categoriesChanged ? now.toISOString() : null,
        },
        changes: diffSnapshots(maskedOfClear(before!), maskedOfClear(next)),
      })
    }
  }
  return plan
}

// ---------- bulk insert ----------

/** A PostgreSQL array literal of text values (quoted, escaped); null stays NULL. */
function pgArray(values: readonly (string | null)[]): string {
  return '{' + values.map((v) => (v === null ? 'NULL' : '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"')).join(',') + '}'
}

const insertColumns = [
  ['region_code', 'regionCode', 'varchar'], ['name', 'name', 'text'], ['name_initials', 'nameInitials', 'text'], ['id_hash', 'idHash', 'text'],
  ['id_enc', 'idEnc', 'text'], ['id_prefix6', 'idPrefix6', 'varchar'], ['birth_date', 'birthDate', 'date'], ['sex', 'sex', 'text'], ['hukou', 'hukou', 'text'],
  ['living_arrangement', 'livingArrangement', 'text'], ['typed_categories', 'typedCategories', 'text[]'], ['categories', 'categories', 'text[]'],
  ['address_enc', 'addressEnc', 'text'], ['address_masked', 'addressMasked', 'text'], ['phone_enc', 'phoneEnc', 'text'], ['phone_hash', 'phoneHash', 'text'],
  ['phone_prefix3', 'phonePrefix3', 'varchar'], ['phone_last4', 'phoneLast4', 'varchar'], ['contacts_enc', 'contactsEnc', 'text'], ['has_guardian', 'hasGuardian', 'bool'],
  ['health_enc', 'healthEnc', 'text'], ['has_family_doctor', 'hasFamilyDoctor', 'bool'], ['family_doctor_date', 'familyDoctorDate', 'date'],
  ['family_doctor_name', 'familyDoctorName', 'text'], ['note', 'note', 'text'], ['last_category_change_at', 'lastCategoryChangeAt', 'timestamptz'],
  ['created_by', 'createdBy', 'text'], ['created_at', 'createdAt', 'timestamptz'], ['updated_at', 'updatedAt', 'timestamptz'],
] as const

/**
 * One INSERT … SELECT FROM unnest(…) per chunk: a handful of array parameters instead of tens of
 * thousands of scalar ones, several times faster for 100k rows. text[] columns travel as their
 * array-literal text and are cast back.
 */
async function insertElders(t: TxCtx, rows: (typeof elders.$inferInsert)[]): Promise<{ id: string; regionCode: string }[]> {
  const params = insertColumns.map(([, key, type]) => {
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[key]
      if (v === undefined || v === null) return null
      if (Array.isArray(v)) return pgArray(v as string[])
      if (v instanceof Date) return v.toISOString()
      return String(v)
    })
    const arrayType = type === 'text[]' ? 'text' : type
    return sql`${pgArray(values)}::${sql.raw(arrayType)}[]`
  })
  const names = insertColumns.map(([c]) => c).join(', ')
  const selects = insertColumns.map(([c, , type]) => (type === 'text[]' ? `u.${c}::text[]` : `u.${c}`)).join(', ')
  const res = await t.tx.execute(sql`insert into ${elders} (${sql.raw(names)})
    select ${sql.raw(selects)} from unnest(${sql.join(params, sql`, `)}) as u(${sql.raw(names)})
    returning id, region_code`)
  return rowsOf<{ id: string; region_code: string }>(res).map((r) => ({ id: r.id, regionCode: r.region_code }))
}

// ---------- job status and error report ----------

async function getJobInScope(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'elder:import')
  const [job] = await ctx.db.select().from(jobs).where(and(eq(jobs.id, id), eq(jobs.kind, 'elder_import')))
  if (!job || !(job.regionCode ?? '').startsWith(ctx.actor.scopePrefix)) throw new AppError('NOT_FOUND', '导入任务不存在')
  return job
}

export async function getElderImport(ctx: Ctx, id: string) {
  const job = await getJobInScope(ctx, id)
  const result = job.result as TImportResult | null
  const input = job.input as { filename: string; size: number; mode: TImportMode }
  const live = liveProgress.get(id)
  const { errorsEnc: _omit, ...summary } = result ?? ({} as TImportResult)
  return {
    id: job.id, status: job.status, filename: input.filename, mode: input.mode, createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    progress: (live ?? job.progress) as TImportProgress, error: job.error, result: result ? summary : null,
    hasErrorReport: !!result?.errorsEnc,
  }
}

async function jobErrors(ctx: Ctx, id: string) {
  const job = await getJobInScope(ctx, id)
  const result = job.result as TImportResult | null
  if (!result?.errorsEnc) throw new AppError('NOT_FOUND', '该导入任务没有错误报告')
  return { job, result, errors: JSON.parse(ctx.crypto.decrypt(result.errorsEnc)) as TImportError[] }
}

/** The first errors for the result page (values as typed, so the officer can find the row). */
export async function elderImportErrorList(ctx: Ctx, id: string, limit = 200) {
  const { errors, result } = await jobErrors(ctx, id)
  return { items: errors.slice(0, limit), total: result.errorCount }
}

/** The row-level error report as xlsx: 行号, 列, 填写的内容, 问题. */
export async function elderImportErrorReport(ctx: Ctx, id: string): Promise<Buffer> {
  const { job, result, errors } = await jobErrors(ctx, id)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('错误报告')
  ws.columns = [
    { header: '行号', key: 'row', width: 8 }, { header: '列', key: 'column', width: 16 },
    { header: '填写的内容', key: 'value', width: 28 }, { header: '问题', key: 'message', width: 70 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.getColumn('value').numFmt = '@'
  for (const e of errors) ws.addRow(e)
  if (result.errorCount > errors.length) ws.addRow({ message: `共 ${result.errorCount} 个错误，此处列出前 ${errors.length} 个` })
  await withTx(ctx, (t) => appendAudit(t, { action: 'elder.import_report_downloaded', entityType: 'import_job', entityId: id, regionCode: job.regionCode, after: { errors: errors.length } }))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
