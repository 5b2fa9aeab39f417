/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999), domain.md §3.
 *
 * 18 characters: 6-digit address code, birth date YYYYMMDD, 3-digit sequence (17th digit odd =
 * male, even = female) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
import { isValidCalendarDate, todayInShanghai, toShanghaiDate } from './dates.js'
import { normalizeIdNumberText } from './normalize-input.js'

export type TSex = 'male' | 'female'
export type TIdNumberErrorCode = 'length' | 'chars' | 'date' | 'checksum'

export type TParsedIdNumber = {
  ok: true
  /** Normalised 18-character number, uppercase X. */
  id: string
  /** "YYYY-MM-DD" */
  birthDate: string
  sex: TSex
  /** First 6 digits: the GB/T 2260 county code of the 户籍 when the number was issued. */
  addressCode: string
}

export type TIdNumberError = { ok: false; code: TIdNumberErrorCode; message: string }
export type TIdNumberResult = TParsedIdNumber | TIdNumberError

/** W[i] = 2^(17−i) mod 11 for i = 0…16. */
export const ID_CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432' // indexed by S mod 11

export const idNumberErrorMessages = {
  length: '身份证号码应为18位（或15位旧号码）',
  chars: '身份证号码只能由数字组成，18位号码的最后一位可以是X',
  date: '身份证号码中的出生日期无效',
  checksum: '身份证号码校验码不正确，请核对后重新输入',
} as const satisfies Record<TIdNumberErrorCode, string>

/**
 * The MOD 11-2 check character for the first 17 digits of an ID number.
 * @throws Error when `first17` is not exactly 17 ASCII digits.
 */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('计算校验码需要17位数字')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CHECK_WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/**
 * Removes spaces and dashes (an 18-digit number is often typed in groups) and converts
 * full-width digits and letters to ASCII, uppercase: see normalize-input.ts.
 */
export const normalizeIdNumberInput = (input: string): string => normalizeIdNumberText(input)

const fail = (code: TIdNumberErrorCode, message: string = idNumberErrorMessages[code]): TIdNumberError => ({
  ok: false,
  code,
  message,
})

/**
 * Parses and validates a resident ID number.
 *
 * Accepts lowercase x and full-width characters, trims surrounding spaces, upgrades a legacy
 * 15-digit number (19 + YY, computed check character), and rejects impossible or future birth
 * dates. `today` ("YYYY-MM-DD" or a Date) defaults to the current Asia/Shanghai date.
 * An address code missing from the current GB/T 2260 list is not an error (it never changes
 * after issue and may no longer exist).
 */
export function parseIdNumber(input: string, today: string | Date = todayInShanghai()): TIdNumberResult {
  if (typeof input !== 'string') return fail('chars')
  const s = normalizeIdNumberInput(input)
  if (s.length !== 18 && s.length !== 15) return fail('length')

  let first17: string
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return fail('chars', '15位旧身份证号码只能由数字组成')
    first17 = `${s.slice(0, 6)}19${s.slice(6)}`
  } else {
    if (!/^\d{17}[\dX]$/.test(s)) return fail('chars')
    first17 = s.slice(0, 17)
  }

  const year = Number(first17.slice(6, 10))
  const month = Number(first17.slice(10, 12))
  const day = Number(first17.slice(12, 14))
  if (!isValidCalendarDate(year, month, day)) return fail('date')
  const birthDate = first17.slice(6, 10) + '-' + first17.slice(10, 12) + '-' + first17.slice(12, 14)
  if (birthDate > toShanghaiDate(today)) return fail('date', '身份证号码中的出生日期晚于今天')

  const check = idCheckChar(first17)
  if (s.length === 18 && s[17] !== check) return fail('checksum')

  return {
    ok: true,
    id: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    addressCode: first17.slice(0, 6),
  }
}

/** True when `input` is a valid ID number (see {@link parseIdNumber}). */
export function isValidIdNumber(input: string, today?: string | Date): boolean {
  return parseIdNumber(input, today).ok
}

/**
 * Builds a valid (fake) 18-character ID number for tests, fixtures and the demo seed.
 * `seq` is the 3-digit sequence 0–999: an odd last digit makes a man, an even one a woman.
 * Only use made-up address codes/dates with this; never real people's numbers.
 */
export function makeIdNumber(addressCode: string, birthDate: string, seq: number | string): string {
  if (!/^\d{6}$/.test(addressCode)) throw new Error('地址码必须为6位数字')
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`出生日期无效：${birthDate}`)
  }
  const seqText = typeof seq === 'number' ? String(seq).padStart(3, '0') : seq
  if (!/^\d{3}$/.test(seqText)) throw new Error('顺序码必须为0–999')
  const first17 = addressCode + m[1] + m[2] + m[3] + seqText
  return first17 + idCheckChar(first17)
}
