import {
  abilityLevelLabel,
  elderCategoryLabels,
  elderStatusLabels,
  hukouTypeLabels,
  livingArrangementLabels,
  todayInShanghai,
  type TElderCategory,
} from '@yiyang/core'
import { and, asc, gt } from 'drizzle-orm'

import ExcelJS from 'exceljs'
import type { Ctx } from '../../platform/context.js'

import { withTx } from '../../platform/context.js'

import { AppError } from '../../platform/errors.js'

import { requirePermission } from '../../platform/permissions.js'

import { appendAudit } from '../../platform/audit.js'

import { regionNames } from '../regions/index.js'

import { categoriesOn, type TElderRow } from './elders.mapper.js'

import { filterWhere } from './elders.repo.js'

import type { TElderFilter } from './elders.schemas.js'

import { elders } from './elders.tables.js'

import { maskAddress, maskIdNumber, maskPhone, ageOn } from '@yiyang/core'

import type { TContact } from './elders.schemas.js'

/** One export is one workbook in memory: past this, the user narrows the filter. */
const EXPORT_MAX = 100_000

/** The current filtered list as xlsx: masked, or full (elder:reveal and a reason), always audited. */
export async function exportElders(ctx: Ctx, f: TElderFilter, opts: { full: boolean; reason?: string }): Promise<{ buffer: Buffer; count: number }> {
  requirePermission(ctx.actor, 'elder:read')
  if (opts.full) {
    requirePermission(ctx.actor, 'elder:reveal')
    if (!opts.reason || opts.reason.trim().length < 2)
      throw new AppError('VALIDATION_FAILED', '导出完整信息需要填写原因', [{ path: 'reason', message: '请填写导出原因' }])
  }
  const today = todayInShanghai(ctx.clock.now())
  const where = filterWhere(ctx.actor, f, today, ctx.crypto)
  const names = new Map<string, string>()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('老年人名单')
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '性别', key: 'sex', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '所在社区（村）', key: 'region', width: 26 },
    { header: '户籍', key: 'hukou', width: 12 },
    { header: '居住情况', key: 'la', width: 12 },
    { header: '老年人类别', key: 'categories', width: 30 },
    { header: '现住址', key: 'address', width: 36 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '紧急联系人', key: 'contacts', width: 28 },
    { header: '状态', key: 'status', width: 8 },
    { header: '能力等级', key: 'ability', width: 18 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.getColumn('idNumber').numFmt = '@'
  let count = 0
  let after = '00000000-0000-0000-0000-000000000000'
  const c = ctx.crypto
  for (;;) {
    const rows: TElderRow[] = await ctx.db
      .select()
      .from(elders)
      .where(and(where, gt(elders.id, after)))
      .orderBy(asc(elders.id))
      .limit(5000)
    if (rows.length === 0) break
    const missing = [...new Set(rows.map((r) => r.regionCode))].filter((x) => !names.has(x))
    if (missing.length) for (const [k, v] of await regionNames(ctx.db, missing)) names.set(k, v)
    for (const r of rows) {
      if (++count > EXPORT_MAX) throw new AppError('VALIDATION_FAILED', `一次最多导出 ${EXPORT_MAX.toLocaleString('en-US')} 人，请缩小筛选范围`)
      const id = c.decrypt(r.idEnc)
      const address = r.addressEnc ? c.decrypt(r.addressEnc) : null
      const phone = r.phoneEnc ? c.decrypt(r.phoneEnc) : null
      const contacts = r.contactsEnc ? (JSON.parse(c.decrypt(r.contactsEnc)) as TContact[]) : []
      ws.addRow({
        name: r.name,
        idNumber: opts.full ? id : maskIdNumber(id),
        sex: r.sex === 'male' ? '男' : '女',
        birthDate: r.birthDate,
        age: ageOn(r.birthDate, today),
        region: `${r.regionCode} ${names.get(r.regionCode) ?? ''}`,
        hukou: hukouTypeLabels[r.hukou],
        la: livingArrangementLabels[r.livingArrangement as 'other'] ?? r.livingArrangement,
        categories: categoriesOn(r, today)
          .map((x) => elderCategoryLabels[x as TElderCategory] ?? x)
          .join('、'),
        address: address ? (opts.full ? address : maskAddress(address)) : '',
        phone: phone ? (opts.full ? phone : maskPhone(phone)) : '',
        contacts: contacts.map((x) => `${x.name}（${x.relation}）${opts.full ? x.phone : maskPhone(x.phone)}`).join('；'),
        status: elderStatusLabels[r.status],
        ability: r.abilityLevel === null ? '' : abilityLevelLabel(r.abilityLevel, r.abilityScale),
      })
    }
    after = rows[rows.length - 1]!.id
  }
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: opts.full ? 'elder.exported_full' : 'elder.exported',
      entityType: 'elder',
      regionCode: ctx.actor!.scopeRegionCode,
      after: { count, full: opts.full, reason: opts.reason ?? null, filter: f },
    }),
  )
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count }
}
