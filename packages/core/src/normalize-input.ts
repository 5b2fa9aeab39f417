/**
 * One cleaner for what people type or paste as an ID number or a phone number (issue 24 item 3):
 * the web form, the API schemas and the import all call these, so a number accepted in one place
 * is accepted everywhere. Only separators and character widths change; anything else stays as
 * typed so that validation reports it.
 */

/** Full-width ASCII (U+FF01–FF5E, as typed with a Chinese IME) → ASCII; ideographic space → space. */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

// Spaces (any width, incl. NBSP) and the dashes people and spreadsheets use between digit groups.
const SEPARATORS = /[\s\u00A0\u2000-\u200B\u3000\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g

/** "620702 19521001 0338", "６２０７０２…ｘ", "620702-1952…" → "62070219521001033X"-style text. */
export function normalizeIdNumberText(input: string): string {
  return toHalfWidth(input).replace(SEPARATORS, '').toUpperCase()
}

/**
 * "139-1234-5670", "１３９１２３４５６７０", "+86 139 1234 5670", "(0936) 821-2345" → digits only
 * (a leading + kept only when it is not the +86 of a mobile number).
 */
export function normalizePhoneText(input: string): string {
  const s = toHalfWidth(input).replace(SEPARATORS, '').replace(/[()]/g, '')
  // The country code of a mainland mobile number adds nothing and breaks the lookup hash.
  return s.replace(/^(?:\+|00)?86(?=1\d{10}$)/, '')
}

/** A mainland mobile number (11 digits from 1) or a landline with its area code (0 + 9–11 digits). */
export const PHONE_NUMBER_RE = /^1\d{10}$|^0\d{9,11}$/

export const isValidPhoneText = (input: string): boolean => PHONE_NUMBER_RE.test(normalizePhoneText(input))

/** The registry is for people aged 60 and over (《老年人权益保障法》第二条). */
export const ELDER_MIN_AGE = 60

export type TElderInputWarningCode = 'name_formula' | 'name_digits' | 'under_min_age'
export type TElderInputWarning = { field: 'name' | 'idNumber'; code: TElderInputWarningCode; message: string }

/**
 * What is allowed but probably a mistake, said aloud instead of saved silently (issue 24 item 4).
 * A leading = + - @ also makes a spreadsheet treat the name as a formula when exported.
 */
export function elderInputWarnings(input: { name?: string; age?: number | null }): TElderInputWarning[] {
  const out: TElderInputWarning[] = []
  const name = (input.name ?? '').trim()
  if (/^[=+\-@＝＋－＠]/.test(name)) {
    out.push({ field: 'name', code: 'name_formula', message: '姓名以 =、+、-、@ 开头，可能是从表格公式误粘贴，请核对' })
  }
  if (/[0-9０-９]/.test(name)) out.push({ field: 'name', code: 'name_digits', message: '姓名中含有数字，请核对' })
  if (input.age !== undefined && input.age !== null && input.age < ELDER_MIN_AGE) {
    out.push({ field: 'idNumber', code: 'under_min_age', message: `按身份证号计算未满${ELDER_MIN_AGE}周岁（${input.age}岁），如确需登记请填写原因` })
  }
  return out
}
