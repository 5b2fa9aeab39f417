/**
 * The elder import sheet: columns, header matching and cell parsing. Pure functions, no I/O,
 * so every bad-input rule is unit-testable.
 */
import {
  ageOn,
  elderCategoryLabels,
  elderInputWarnings,
  hukouTypeLabels,
  isValidPhoneText,
  livingArrangementLabels,
  livingArrangements,
  normalizePhoneText,
  parseIdNumber,
  typedElderCategories,
  type THukouType,
  type TLivingArrangement,
  type TTypedElderCategory,
} from '@yiyang/core'
import { xlsxLimits } from './xlsx-guard.js'

export const MAX_IMPORT_ROWS = 100_000

export const importColumns = [
  { key: 'name', header: '姓名', required: true, width: 12, hint: '必填' },
  { key: 'idNumber', header: '身份证号', required: true, width: 22, hint: '必填，18位（或15位旧号码）；请设为文本格式' },
  { key: 'region', header: '所在社区（村）', required: true, width: 26, hint: '必填，从下拉列表选择，或填12位区划代码' },
  { key: 'hukou', header: '户籍', required: false, width: 12, hint: '本地户籍 / 非本地户籍，空为本地户籍' },
  { key: 'livingArrangement', header: '居住情况', required: false, width: 12, hint: '独居、空巢、与子女同住、留守、入住机构、其他' },
  { key: 'categories', header: '老年人类别', required: false, width: 24, hint: '多个用“、”分隔，如：低保、重度残疾；高龄、失能由系统计算' },
  { key: 'address', header: '现住址', required: false, width: 36, hint: '' },
  { key: 'phone', header: '联系电话', required: false, width: 14, hint: '11位手机号或带区号的固定电话' },
  { key: 'contactName', header: '紧急联系人', required: false, width: 12, hint: '' },
  { key: 'contactRelation', header: '与老人关系', required: false, width: 10, hint: '如：儿子、女儿' },
  { key: 'contactPhone', header: '紧急联系人电话', required: false, width: 16, hint: '填写紧急联系人时必填' },
  { key: 'isGuardian', header: '是否监护人', required: false, width: 10, hint: '是 / 否' },
  { key: 'chronicConditions', header: '慢性病', required: false, width: 20, hint: '多个用“、”分隔' },
  { key: 'hasFamilyDoctor', header: '家庭医生签约', required: false, width: 12, hint: '是 / 否' },
  { key: 'familyDoctorDate', header: '签约日期', required: false, width: 12, hint: '如 2024-03-01' },
  { key: 'familyDoctorName', header: '签约医生', required: false, width: 12, hint: '' },
  { key: 'note', header: '备注', required: false, width: 20, hint: '' },
  { key: 'homeLng', header: '经度', required: false, width: 12, hint: 'WGS-84（GPS）坐标，如 100.45123；与纬度同时填写' },
  { key: 'homeLat', header: '纬度', required: false, width: 12, hint: 'WGS-84（GPS）坐标，如 38.93456；与经度同时填写' },
] as const

/** The template's header text of a column: required columns carry a star. */
export const importHeader = (c: (typeof importColumns)[number]) => (c.required ? `${c.header}*` : c.header)
/** The template's header row, as the template, the example file, the tests and the bench write it. */
export const importHeaderRow = () => importColumns.map(importHeader)
export type TImportKey = (typeof importColumns)[number]['key']

/** 所在社区(村) *, ＊姓名 … → a comparable form. */
export const normalizeHeader = (h: string) =>
  h
    .replace(/[\s*＊:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase()

const headerAliases: Record<string, TImportKey> = {
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  身份证: 'idNumber',
  所在社区: 'region',
  '社区(村)': 'region',
  区划代码: 'region',
  电话: 'phone',
  手机号: 'phone',
  类别: 'categories',
  人员类别: 'categories',
  住址: 'address',
  家庭住址: 'address',
}

export type THeaderMap = { columns: Map<number, TImportKey>; missing: string[]; duplicate: string[]; unknown: string[] }

/** Maps header cells (1-based column numbers) to keys; reports missing required and repeated columns. */
export function matchHeaders(cells: Map<number, string>): THeaderMap {
  const byNorm = new Map(importColumns.map((c) => [normalizeHeader(c.header), c.key as TImportKey]))
  for (const [k, v] of Object.entries(headerAliases)) byNorm.set(normalizeHeader(k), v)
  const columns = new Map<number, TImportKey>()
  const seen = new Set<TImportKey>()
  const duplicate: string[] = []
  const unknown: string[] = []
  for (const [col, text] of cells) {
    const key = byNorm.get(normalizeHeader(text))
    if (!key) {
      if (text.trim()) unknown.push(text.trim().slice(0, 50))
      continue
    }
    if (seen.has(key)) duplicate.push(text)
    else {
      seen.add(key)
      columns.set(col, key)
    }
  }
  const missing = importColumns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header)
  return { columns, missing, duplicate, unknown }
}

export type TCellProblem = { problem: string }
export type TCellText = { text: string; raw: unknown } | TCellProblem

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** An exceljs cell value → trimmed text, or a problem (formula without a result, error value). */
export function cellText(v: unknown): TCellText {
  if (v === null || v === undefined) return { text: '', raw: v }
  if (typeof v === 'string') return { text: v.trim(), raw: v }
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v), raw: v }
  if (v instanceof Date) return { text: isoOfDate(v), raw: v }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null || (typeof o.result === 'object' && o.result !== null && 'error' in o.result)) {
        return { problem: '单元格是公式且没有计算结果，请复制后“粘贴为数值”再导入' }
      }
      return cellText(o.result)
    }
    if ('richText' in o && Array.isArray(o.richText))
      return {
        text: o.richText
          .map((r: { text?: string }) => r.text ?? '')
          .join('')
          .trim(),
        raw: v,
      }
    if ('text' in o) return cellText(o.text)
    if ('error' in o) return { problem: `单元格是错误值 ${String(o.error)}` }
  }
  return { text: String(v).trim(), raw: v }
}

function isoOfDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10)
}

/**
 * A date typed any common way: a date cell, an Excel serial number (45352), or text
 * 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301.
 */
export function parseDateCell(raw: unknown, text: string): string | null {
  if (raw instanceof Date) return isoOfDate(raw)
  const serial = typeof raw === 'number' ? raw : /^\d{4,5}(\.\d+)?$/.test(text) ? Number(text) : null
  if (serial !== null && serial > 0 && serial < 2958466 && !/^\d{8}$/.test(text)) {
    return new Date(EXCEL_EPOCH + Math.floor(serial) * 86400000).toISOString().slice(0, 10)
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null
  return dt.toISOString().slice(0, 10)
}

const labelToCategory = new Map<string, TTypedElderCategory>()
for (const c of typedElderCategories) labelToCategory.set(elderCategoryLabels[c], c)
/**
 * Words clerks use for a category (issue 24 item 4): imported as the category, with a warning that
 * says which one, so that nobody wonders where 五保户 went.
 */
export const categorySynonyms: Record<string, TTypedElderCategory> = {
  五保户: 'destitute',
  五保: 'destitute',
  五保老人: 'destitute',
  五保对象: 'destitute',
  特困: 'destitute',
  特困户: 'destitute',
  特困供养: 'destitute',
  低保户: 'min_subsistence',
  低保对象: 'min_subsistence',
  城乡低保: 'min_subsistence',
  低保边缘户: 'near_min_subsistence',
  低收入户: 'low_income',
  重残: 'severe_disability',
  一级残疾: 'severe_disability',
  二级残疾: 'severe_disability',
  残疾人: 'disabled',
  计生特殊家庭: 'family_planning_special',
  计生特扶: 'family_planning_special',
  失独家庭: 'lost_only_child',
  优抚: 'entitled_veteran_family',
}
const livingSynonyms: Record<string, TLivingArrangement> = {
  独居老人: 'living_alone',
  一人居住: 'living_alone',
  空巢老人: 'empty_nest',
  留守老人: 'left_behind',
  与子女居住: 'with_children',
  与子女共同居住: 'with_children',
  机构: 'in_institution',
  养老院: 'in_institution',
  敬老院: 'in_institution',
}
const derivedLabels = new Set(['高龄', '失能', '半失能', '失智', '独居', '空巢', '留守'])

const livingByLabel = new Map<string, TLivingArrangement>(livingArrangements.map((l) => [livingArrangementLabels[l], l]))
const hukouByLabel = new Map<string, THukouType>([
  [hukouTypeLabels.local, 'local'],
  [hukouTypeLabels.non_local, 'non_local'],
  ['本地', 'local'],
  ['外地', 'non_local'],
  ['非本地', 'non_local'],
])

const yesNo = (t: string): boolean | null => (/^(是|有|已签约|y|yes|true|1)$/i.test(t) ? true : /^(否|无|未签约|n|no|false|0)$/i.test(t) ? false : null)
const splitList = (t: string) =>
  t
    .split(/[、,，;；/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

export type TImportRecord = {
  row: number
  name: string
  idNumber: string
  birthDate: string
  sex: 'male' | 'female'
  regionCode: string
  hukou?: THukouType
  livingArrangement?: TLivingArrangement
  categories?: TTypedElderCategory[]
  address?: string
  phone?: string
  contact?: { name: string; relation: string; phone: string; isGuardian: boolean }
  chronicConditions?: string[]
  hasFamilyDoctor?: boolean
  familyDoctorDate?: string
  familyDoctorName?: string
  note?: string
  homeLat?: number
  homeLng?: number
}

/** `name` is the row's 姓名 as typed, so the report can be read beside the sheet (issue 24 item 4). */
export type TImportError = { row: number; name?: string; column: string; value: string; message: string }
export type TRowWarning = { column: string; value: string; message: string }

export type TRegionResolver = (text: string) => { code: string } | { error: string }

const headerOf = (k: TImportKey) => importColumns.find((c) => c.key === k)!.header

/**
 * One data row → a record, or its errors (every problem of the row, not just the first).
 * Empty optional cells mean "leave as is" on update.
 */
export function parseImportRow(
  row: number,
  cells: Map<TImportKey, unknown>,
  opts: { today: string; resolveRegion: TRegionResolver },
): { record: TImportRecord; warnings: TRowWarning[] } | { errors: TImportError[] } {
  const errors: TImportError[] = []
  const warnings: TRowWarning[] = []
  const text = new Map<TImportKey, string>()
  const raw = new Map<TImportKey, unknown>()
  for (const [k, v] of cells) {
    const c = cellText(v)
    if ('problem' in c) errors.push({ row, column: headerOf(k), value: '', message: c.problem })
    else if (c.text.length > xlsxLimits.cellChars) {
      errors.push({ row, column: headerOf(k), value: c.text.slice(0, 50) + '…', message: `单元格内容超过 ${xlsxLimits.cellChars} 个字符` })
    } else {
      text.set(k, c.text)
      raw.set(k, c.raw)
    }
  }
  const warn = (k: TImportKey, message: string) => warnings.push({ column: headerOf(k), value: text.get(k) ?? '', message })
  const err = (k: TImportKey, message: string) => errors.push({ row, column: headerOf(k), value: text.get(k) ?? '', message })
  const t = (k: TImportKey) => text.get(k) ?? ''
  const mergedHint = '（如使用了合并单元格，请取消合并后逐行填写）'

  const name = t('name')
  if (!name && !errors.some((e) => e.column === '姓名')) err('name', '姓名为必填项' + mergedHint)
  else if (name.length > 50) err('name', '姓名最长50个字')
  else for (const w of elderInputWarnings({ name })) warn('name', w.message)

  let idNumber = ''
  let birthDate = ''
  let sex: 'male' | 'female' = 'male'
  const idRaw = raw.get('idNumber')
  if (typeof idRaw === 'number') {
    err('idNumber', '身份证号被Excel存成了数字，后几位可能已丢失；请把该列设为“文本”格式后重新填写')
  } else if (!t('idNumber')) {
    if (!errors.some((e) => e.column === '身份证号')) err('idNumber', '身份证号为必填项' + mergedHint)
  } else {
    const p = parseIdNumber(t('idNumber'), opts.today)
    if (!p.ok) err('idNumber', p.message)
    else {
      idNumber = p.id
      birthDate = p.birthDate
      sex = p.sex
      // Under 60: kept only with a reason in 备注, as on the form (issue 24 item 4).
      const [under] = elderInputWarnings({ age: ageOn(birthDate, opts.today) })
      if (under && !t('note')) err('idNumber', `按身份证号计算未满60周岁（${ageOn(birthDate, opts.today)}岁）：如确需登记，请在“备注”列填写原因`)
      else if (under) warn('idNumber', `未满60周岁（${ageOn(birthDate, opts.today)}岁），按“备注”中的原因登记`)
    }
  }

  let regionCode = ''
  if (!t('region')) {
    if (!errors.some((e) => e.column === '所在社区（村）')) err('region', '所在社区（村）为必填项' + mergedHint)
  } else {
    const r = opts.resolveRegion(t('region'))
    if ('error' in r) err('region', r.error)
    else regionCode = r.code
  }

  const rec: Partial<TImportRecord> = {}
  if (t('hukou')) {
    const h = hukouByLabel.get(t('hukou'))
    if (!h) err('hukou', '户籍应为“本地户籍”或“非本地户籍”')
    else rec.hukou = h
  }
  if (t('livingArrangement')) {
    const synonym = livingSynonyms[t('livingArrangement')]
    const l = livingByLabel.get(t('livingArrangement')) ?? synonym
    if (synonym) warn('livingArrangement', `“${t('livingArrangement')}”按“${livingArrangementLabels[synonym]}”导入`)
    if (!l) err('livingArrangement', `居住情况应为：${livingArrangements.map((x) => livingArrangementLabels[x]).join('、')}`)
    else rec.livingArrangement = l
  }
  if (t('categories')) {
    const list: TTypedElderCategory[] = []
    for (const label of splitList(t('categories'))) {
      const c = labelToCategory.get(label) ?? categorySynonyms[label]
      if (c && !labelToCategory.has(label)) warn('categories', `“${label}”按“${elderCategoryLabels[c]}”导入`)
      if (c) list.push(c)
      else if (derivedLabels.has(label)) err('categories', `“${label}”由系统根据年龄、评估或居住情况自动计算，请不要填写`)
      else err('categories', `未知的老年人类别“${label}”`)
    }
    rec.categories = [...new Set(list)]
  }
  if (t('address')) {
    if (t('address').length > 200) err('address', '现住址最长200个字')
    else rec.address = t('address')
  }
  if (t('phone')) {
    if (!isValidPhoneText(t('phone'))) err('phone', '联系电话应为11位手机号或带区号的固定电话')
    else rec.phone = normalizePhoneText(t('phone'))
  }
  if (t('contactName') || t('contactPhone')) {
    if (!t('contactName')) err('contactName', '填写紧急联系人电话时，紧急联系人姓名必填')
    if (!t('contactPhone')) err('contactPhone', '填写紧急联系人时，紧急联系人电话必填')
    else if (!isValidPhoneText(t('contactPhone'))) err('contactPhone', '紧急联系人电话应为11位手机号或带区号的固定电话')
    const g = t('isGuardian') ? yesNo(t('isGuardian')) : false
    if (g === null) err('isGuardian', '是否监护人应填“是”或“否”')
    rec.contact = { name: t('contactName'), relation: t('contactRelation').slice(0, 20), phone: normalizePhoneText(t('contactPhone')), isGuardian: !!g }
  }
  if (t('chronicConditions')) rec.chronicConditions = splitList(t('chronicConditions')).slice(0, 30)
  if (t('hasFamilyDoctor')) {
    const v = yesNo(t('hasFamilyDoctor'))
    if (v === null) err('hasFamilyDoctor', '家庭医生签约应填“是”或“否”')
    else rec.hasFamilyDoctor = v
  }
  if (t('familyDoctorDate') || raw.get('familyDoctorDate') instanceof Date) {
    const d = parseDateCell(raw.get('familyDoctorDate'), t('familyDoctorDate'))
    if (!d) err('familyDoctorDate', '签约日期无法识别，请填写如 2024-03-01 的日期')
    else if (d > opts.today) err('familyDoctorDate', '签约日期不能晚于今天')
    else rec.familyDoctorDate = d
  }
  if (t('familyDoctorName')) rec.familyDoctorName = t('familyDoctorName').slice(0, 50)
  if (t('note')) rec.note = t('note').slice(0, 500)
  if (t('homeLat') || t('homeLng')) {
    // Home location (issue 20 item 1): both or neither, numbers in range. A cell typed with a
    // degree sign or a full-width point is still read.
    const num = (k: 'homeLat' | 'homeLng') => {
      const s = t(k)
        .replace(/[°度\s]/g, '')
        .replace(/．/g, '.')
      return /^-?\d{1,3}(\.\d+)?$/.test(s) ? Number(s) : null
    }
    const lat = num('homeLat')
    const lng = num('homeLng')
    if (!t('homeLat')) err('homeLat', '填写经度时，纬度必填')
    else if (lat === null || lat < -90 || lat > 90) err('homeLat', '纬度应为 -90 到 90 之间的数字，如 38.93456')
    if (!t('homeLng')) err('homeLng', '填写纬度时，经度必填')
    else if (lng === null || lng < -180 || lng > 180) err('homeLng', '经度应为 -180 到 180 之间的数字，如 100.45123')
    if (lat !== null && lng !== null) {
      rec.homeLat = lat
      rec.homeLng = lng
    }
  }

  if (errors.length) return { errors: errors.map((e) => ({ ...e, name })) }
  return { record: { row, name, idNumber, birthDate, sex, regionCode, ...rec }, warnings }
}

/** Row is empty when every cell is blank (skipped, not an error). */
export function isEmptyRow(cells: Map<TImportKey, unknown>): boolean {
  for (const v of cells.values()) {
    const c = cellText(v)
    if ('problem' in c || c.text !== '') return false
  }
  return true
}
