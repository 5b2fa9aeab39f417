/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17
 * with weights 3^i mod 31. Fixed interface (issue 19): also run from outside, keep it exactly.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

export type TUsccErrorCode = 'length' | 'chars' | 'checksum'
export type TUsccResult = { ok: true; uscc: string; authority: string; orgType: string; regionCode: string } | { ok: false; code: TUsccErrorCode }

export const usccErrorMessages = {
  length: '统一社会信用代码应为18位',
  chars: '统一社会信用代码含有不允许的字符（不含I、O、Z、S、V）',
  checksum: '统一社会信用代码校验位不正确',
} as const satisfies Record<TUsccErrorCode, string>

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** The check character of the first 17 characters (all from the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

export function parseUscc(input: string): TUsccResult {
  const s = toHalfWidth(input.trim()).trim().toUpperCase()
  if ([...s].length !== 18) return { ok: false, code: 'length' }
  for (const c of s) if (!USCC_ALPHABET.includes(c)) return { ok: false, code: 'chars' }
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, code: 'checksum' }
  return { ok: true, uscc: s, authority: s[0]!, orgType: s[1]!, regionCode: s.slice(2, 8) }
}
