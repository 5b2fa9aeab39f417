import ExcelJS from 'exceljs'
import { DEVICE_IMPORT_MAX_ROWS, deviceImportColumns, kindByLabel } from './import-devices.js'

/** The template: the header row, a data-validation list for 设备类型, and a help sheet. */
export async function deviceImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('设备')
  ws.columns = deviceImportColumns.map((c) => ({ header: c, key: c, width: c === '绑定老人身份证号' ? 24 : 16 }))
  ws.getRow(1).font = { bold: true }
  const kinds = `"${[...kindByLabel.keys()].join(',')}"`
  for (let r = 2; r <= 1001; r++) {
    ws.getCell(r, 2).dataValidation = { type: 'list', allowBlank: false, formulae: [kinds] }
    for (const c of [1, 4, 5]) ws.getCell(r, c).numFmt = '@'
  }
  const help = wb.addWorksheet('填写说明')
  help.columns = [{ width: 20 }, { width: 70 }]
  for (const line of [
    ['设备序列号', '必填；字母、数字、点、下划线和短横线，最长64位；不能与已登记的设备重复'],
    ['设备类型', `必填；${[...kindByLabel.keys()].join('、')}`],
    ['型号', '选填；最长60个字'],
    ['SIM卡号', '选填；11位手机号'],
    ['绑定老人身份证号', '必填；老人须已在您的管辖范围内登记且在册'],
    ['绑定日期', '选填；如 2026-01-31，不填为导入当天'],
    ['导入规则', `全部行无误才导入；有错误时不写入任何设备，按行号列出错误。单个文件最多 ${DEVICE_IMPORT_MAX_ROWS} 行、5 MB`],
  ])
    help.addRow(line)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
