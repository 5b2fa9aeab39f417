import { importModeLabels, elderCategoryLabels, hukouTypeLabels, livingArrangementLabels, livingArrangements, typedElderCategories } from '@yiyang/core'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../platform/context.js'

import { requirePermission } from '../../platform/permissions.js'

import { regionsOfLevel } from '../regions/index.js'

import { importColumns, importHeader, MAX_IMPORT_ROWS } from './import-columns.js'

const colLetter = (n: number) => {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/** The import template: data sheet with drop-downs, a help sheet and the list of communities in scope. */
export async function elderImportTemplate(ctx: Ctx): Promise<Buffer> {
  requirePermission(ctx.actor, 'elder:import')
  const villages = await regionsOfLevel(ctx.db, 'village', ctx.actor.scopePrefix)
  const wb = new ExcelJS.Workbook()
  wb.creator = '颐养'
  const ws = wb.addWorksheet('老年人信息', { views: [{ state: 'frozen', ySplit: 1 }] })
  // Range validations exist at runtime (exceljs 4.4) but not in its type definitions.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  ws.columns = importColumns.map((c) => ({ header: importHeader(c), key: c.key, width: c.width }))
  const head = ws.getRow(1)
  head.font = { bold: true }
  head.eachCell((cell, col) => {
    const def = importColumns[col - 1]!
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: def.required ? 'FFFFE7BA' : 'FFE6F4FF' } }
    if (def.hint) cell.note = def.hint
  })
  for (const k of ['idNumber', 'phone', 'contactPhone', 'region']) ws.getColumn(k).numFmt = '@'
  ws.getColumn('familyDoctorDate').numFmt = 'yyyy-mm-dd'
  const lists = wb.addWorksheet('下拉选项', { state: 'hidden' })
  const regionItems = villages.map((v) => `${v.code} ${v.name}`)
  const columnsOfLists: [string, string[]][] = [
    ['region', regionItems],
    ['hukou', Object.values(hukouTypeLabels)],
    ['livingArrangement', livingArrangements.map((l) => livingArrangementLabels[l])],
    ['yesNo', ['是', '否']],
  ]
  columnsOfLists.forEach(([, items], i) =>
    items.forEach((v, r) => {
      lists.getCell(r + 1, i + 1).value = v
    }),
  )
  const listRef = (i: number, n: number) => `'下拉选项'!$${colLetter(i + 1)}$1:$${colLetter(i + 1)}$${Math.max(1, n)}`
  const rows = 5000
  const colOf = (k: string) => colLetter(importColumns.findIndex((c) => c.key === k) + 1)
  const add = (key: string, listIndex: number, n: number, prompt: string) => {
    validations.add(`${colOf(key)}2:${colOf(key)}${rows}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listRef(listIndex, n)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从列表中选择',
      error: prompt,
    })
  }
  add('region', 0, regionItems.length, '请选择您管辖范围内的社区（村），或填写12位区划代码')
  add('hukou', 1, 2, '请选择本地户籍或非本地户籍')
  add('livingArrangement', 2, livingArrangements.length, '请选择居住情况')
  add('isGuardian', 3, 2, '请填“是”或“否”')
  add('hasFamilyDoctor', 3, 2, '请填“是”或“否”')
  validations.add(`${colOf('familyDoctorDate')}2:${colOf('familyDoctorDate')}${rows}`, {
    type: 'date',
    operator: 'lessThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2100, 0, 1))],
    showErrorMessage: true,
    errorTitle: '日期格式',
    error: '请填写日期，如 2024-03-01',
  })
  const help = wb.addWorksheet('填写说明')
  help.columns = [
    { header: '列', key: 'h', width: 18 },
    { header: '说明', key: 'd', width: 90 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of importColumns) help.addRow({ h: c.required ? `${c.header}（必填）` : c.header, d: c.hint || '选填' })
  help.addRow({})
  help.addRow({ h: '老年人类别', d: `可填：${typedElderCategories.map((c) => elderCategoryLabels[c]).join('、')}` })
  help.addRow({ h: '重复导入', d: '按身份证号匹配：已登记的老人会被更新，不会重复建档；空白单元格表示“不修改”。' })
  help.addRow({ h: '行数', d: `每个文件最多 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行；不要合并单元格，不要使用公式。` })
  help.addRow({
    h: '导入方式',
    d: `“${importModeLabels.all_or_nothing}”：任一行有错则全部不导入；“${importModeLabels.valid_only}”：跳过有错的行。两种方式都会生成错误报告。`,
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
