/**
 * Display masking of personal data (domain.md §14). Masking is for every response and export;
 * the full value is only available through an audited reveal.
 */

const stars = (n: number): string => '*'.repeat(Math.max(0, n))

/**
 * ID number: first 6 + 8 stars + last 4, e.g. `110105********002X`.
 * Other lengths keep the first 6 and last 4 when long enough, otherwise everything is starred.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase()
  if (s.length === 0) return ''
  if (s.length === 18) return s.slice(0, 6) + stars(8) + s.slice(14)
  if (s.length > 10) return s.slice(0, 6) + stars(s.length - 10) + s.slice(-4)
  return stars(s.length)
}

/**
 * The masked ID number from the two parts a server may keep in clear (address code and last 4
 * characters), for lists that never decrypt the full number.
 */
export function maskIdNumberFromParts(first6: string, last4: string): string {
  return first6 + stars(8) + last4.toUpperCase()
}

/**
 * Phone: first 3 + `****` + last 4 for an 11-digit mobile (`138****5678`); a `+86`/`86`
 * prefix is kept. Other numbers (landlines) keep their first 3 and last 4 characters.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim()
  const mobile = /^(\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(s)
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[4]}`
  if (s.length >= 8) return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4)
  if (s.length >= 3) return s.slice(0, 1) + stars(s.length - 2) + s.slice(-1)
  return stars(s.length)
}

/**
 * Name: `张*` for two characters, `张*明` for three, first and last character kept for longer
 * names (`欧阳**明`, `买*****力`). A single character becomes `*`.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return chars[0] + '*'
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1]
}

/** Bank card: last 4 digits only, e.g. `**** 1234`. */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\s+/g, '')
  return digits.length <= 4 ? stars(digits.length) : `**** ${digits.slice(-4)}`
}

const NUM = '[0-9０-９一二三四五六七八九十百千零〇两A-Za-zＡ-Ｚａ-ｚ]+'
// A building: 3号楼, 5栋, 2幢, A座, 12号院3号楼 … (kept).
const BUILDING_RE = new RegExp(`${NUM}(?:号楼|栋|幢|座|号院)`, 'g')
// The first house-level detail after which everything is hidden: unit, floor, room, door
// plate number (门牌号 on a road or in a village group).
const HOUSE_RE = new RegExp(`(?:${NUM}[-－—]?)+(?:单元|层|楼(?!房)|室|户|号|弄)|[0-9０-９]+[-－—][0-9０-９]+`)
const HIDDEN = '****'

/**
 * Address to community/building level; house and room numbers hidden (domain.md §14):
 * `…幸福小区3号楼2单元501室` → `…幸福小区3号楼****`; `…南关村三组15号` → `…南关村三组****`;
 * `…中山路88号` → `…中山路****`.
 */
export function maskAddress(address: string): string {
  const s = address.trim()
  if (s === '') return ''
  let keepUntil = -1
  for (const m of s.matchAll(BUILDING_RE)) {
    keepUntil = m.index + m[0].length
    // The first building marker wins unless it is a compound (12号院3号楼): keep chaining while
    // the next building marker follows immediately.
    const rest = s.slice(keepUntil)
    const next = new RegExp(`^${NUM}(?:号楼|栋|幢|座)`).exec(rest)
    if (next) keepUntil += next[0].length
    break
  }
  if (keepUntil >= 0) return keepUntil < s.length ? s.slice(0, keepUntil) + HIDDEN : s
  const house = HOUSE_RE.exec(s)
  if (house) return s.slice(0, house.index) + HIDDEN
  const trailingDigits = /[0-9０-９]+$/.exec(s)
  if (trailingDigits) return s.slice(0, trailingDigits.index) + HIDDEN
  return s
}
