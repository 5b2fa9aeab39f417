/**
 * Money is integer fen (分) everywhere (style.md §8); these helpers never use floating yuan.
 */

/** @throws RangeError unless `fen` is a safe integer. */
export function assertFen(fen: number, what = '金额'): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${what}必须是以分为单位的整数，收到 ${fen}`)
  return fen
}

/** Sum of fen amounts. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0
  for (const a of amounts) total = assertFen(total + assertFen(a))
  return total
}

/** a − b in fen. */
export function subtractFen(a: number, b: number): number {
  return assertFen(assertFen(a) - assertFen(b))
}

/**
 * `fen × numerator / denominator`, rounded half away from zero to whole fen — e.g. a 70 %
 * subsidy of 1,999 fen is `mulDivFen(1999, 70, 100)` = 1,399. Integer arithmetic only.
 */
export function mulDivFen(fen: number, numerator: number, denominator: number): number {
  assertFen(fen)
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError('比例的分子和分母必须是整数，且分母不能为0')
  }
  const n = BigInt(fen) * BigInt(numerator)
  const d = BigInt(denominator)
  const negative = n < 0n !== d < 0n
  const an = n < 0n ? -n : n
  const ad = d < 0n ? -d : d
  const q = (an * 2n + ad) / (ad * 2n) // half up on magnitudes
  return assertFen(Number(negative ? -q : q))
}

/** `percent` % of `fen` (percent an integer 0–100 or more), rounded half up to whole fen. */
export function percentOfFen(fen: number, percent: number): number {
  return mulDivFen(fen, percent, 100)
}

/**
 * Parses a yuan amount typed by a person ("123.45", "¥1,234.5", "12") into fen, exactly.
 * @throws RangeError for anything else, including more than two decimals.
 */
export function yuanToFen(yuan: string | number): number {
  const text = (typeof yuan === 'number' ? String(yuan) : yuan)
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '')
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!m) throw new RangeError(`无效的金额：${String(yuan)}`)
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return assertFen(m[1] ? -fen : fen)
}

/** "123.45" (no symbol, no grouping), e.g. for Excel cells and inputs. */
export function fenToYuanString(fen: number): string {
  assertFen(fen)
  const abs = Math.abs(fen)
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Display format with thousands separators: `formatFen(12345)` → "¥123.45"; −1 → "-¥0.01". */
export function formatFen(fen: number): string {
  assertFen(fen)
  const abs = Math.abs(fen)
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${fen < 0 ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`
}
