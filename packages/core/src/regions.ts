/**
 * 12-digit statistical region codes (统计用区划代码), domain.md §2.
 *
 * digits 1–2 province, 3–4 prefecture, 5–6 county (= GB/T 2260), 7–9 township, 10–12 village.
 * A user's scope is the first 2/4/6/9/12 digits by level; never derive it by stripping zeros:
 * the town 653126100000 would become 6531261 and match every 镇 coded 100–199 in its county.
 */

export const regionLevels = ['province', 'prefecture', 'county', 'township', 'village'] as const
export type TRegionLevel = (typeof regionLevels)[number]

export const regionLevelLabels = {
  province: '省级',
  prefecture: '地级',
  county: '县级',
  township: '乡级（街道/镇/乡）',
  village: '村级（社区/村）',
} as const satisfies Record<TRegionLevel, string>

/** Scope prefix length per level. */
export const regionPrefixLength = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
  village: 12,
} as const satisfies Record<TRegionLevel, number>

export const regionKinds = [
  'province',
  'city', // 地级市 (prefecture 01–20, 51–70)
  'prefecture_area', // 地区/自治州/盟 (21–50)
  'province_administered', // 省直辖县级行政区划 (90)
  'city_district', // 市辖区 (county 01–20)
  'county', // 县/旗 (21–70)
  'development_zone', // 开发区等 (71–80, statistical only)
  'county_city', // 县级市 (81–99)
  'street', // 街道 (001–099)
  'town', // 镇 (100–199)
  'township', // 乡/苏木 (200–399; above 299 [UNVERIFIED])
  'special_zone', // 林场/牧场/园区 (400–479)
  'forestry_bureau', // 林业管理局 (480–499)
  'farm', // 农场/团 (500–579)
  'livestock_farm', // 畜牧场 (580–599)
  'residents_committee', // 居委会/社区 (001–199)
  'villagers_committee', // 村委会 (200–399)
  'other',
] as const
export type TRegionKind = (typeof regionKinds)[number]

export const regionKindLabels = {
  province: '省级行政区',
  city: '地级市',
  prefecture_area: '地区/自治州/盟',
  province_administered: '省直辖县级行政区划',
  city_district: '市辖区',
  county: '县/旗',
  development_zone: '开发区等',
  county_city: '县级市',
  street: '街道',
  town: '镇',
  township: '乡',
  special_zone: '林场/牧场/园区',
  forestry_bureau: '林业管理局',
  farm: '农场/团场',
  livestock_farm: '畜牧场',
  residents_committee: '居民委员会（社区）',
  villagers_committee: '村民委员会',
  other: '其他',
} as const satisfies Record<TRegionKind, string>

export type TRegionInfo = {
  ok: true
  /** Full 12-digit code. */
  code: string
  level: TRegionLevel
  kind: TRegionKind
  /** Scope prefix of this region: the first 2/4/6/9/12 digits by its level. */
  prefix: string
  /** 12-digit parent code, or null for a province. */
  parentCode: string | null
  /** 6-digit GB/T 2260 county code, or null above county level. */
  countyCode: string | null
}
export type TRegionCodeError = { ok: false; message: string }

const SEGMENTS: readonly [TRegionLevel, number, number][] = [
  ['province', 0, 2],
  ['prefecture', 2, 4],
  ['county', 4, 6],
  ['township', 6, 9],
  ['village', 9, 12],
]

function inRange(n: number, lo: number, hi: number): boolean {
  return n >= lo && n <= hi
}

function kindOf(level: TRegionLevel, code: string): TRegionKind {
  const seg = (a: number, b: number) => Number(code.slice(a, b))
  switch (level) {
    case 'province':
      return 'province'
    case 'prefecture': {
      const p = seg(2, 4)
      if (inRange(p, 1, 20) || inRange(p, 51, 70)) return 'city'
      if (inRange(p, 21, 50)) return 'prefecture_area'
      if (p === 90) return 'province_administered'
      return 'other'
    }
    case 'county': {
      // Units directly under the province (…90xx) are numbered without the usual ranges.
      if (seg(2, 4) === 90) return 'other'
      const c = seg(4, 6)
      if (inRange(c, 1, 20)) return 'city_district'
      if (inRange(c, 21, 70)) return 'county'
      if (inRange(c, 71, 80)) return 'development_zone'
      return 'county_city'
    }
    case 'township': {
      const t = seg(6, 9)
      if (inRange(t, 1, 99)) return 'street'
      if (inRange(t, 100, 199)) return 'town'
      if (inRange(t, 200, 399)) return 'township'
      if (inRange(t, 400, 479)) return 'special_zone'
      if (inRange(t, 480, 499)) return 'forestry_bureau'
      if (inRange(t, 500, 579)) return 'farm'
      if (inRange(t, 580, 599)) return 'livestock_farm'
      return 'other'
    }
    case 'village': {
      const v = seg(9, 12)
      if (inRange(v, 1, 199)) return 'residents_committee'
      if (inRange(v, 200, 399)) return 'villagers_committee'
      return 'other'
    }
  }
}

/**
 * Parses a region code. Accepts the full 12 digits, or a 2/4/6/9-digit prefix which is padded
 * with zeros (`330213007` → `330213007000`). The level is the deepest non-zero segment; a
 * non-zero segment below a zero one (e.g. `110000001000`) is invalid.
 */
export function parseRegionCode(input: string): TRegionInfo | TRegionCodeError {
  const raw = typeof input === 'string' ? input.trim() : ''
  if (!/^\d+$/.test(raw) || ![2, 4, 6, 9, 12].includes(raw.length)) {
    return { ok: false, message: '区划代码应为12位数字（或2/4/6/9位前缀）' }
  }
  const code = raw.padEnd(12, '0')
  if (code.slice(0, 2) === '00' || code[0] === '0') return { ok: false, message: '区划代码的省级代码无效' }
  let level: TRegionLevel = 'province'
  let seenZero = false
  for (const [name, a, b] of SEGMENTS.slice(1)) {
    const isZero = /^0+$/.test(code.slice(a, b))
    if (isZero) seenZero = true
    else if (seenZero) return { ok: false, message: '区划代码的层级不连续：上级代码为0时下级代码也必须为0' }
    else level = name
  }
  return {
    ok: true,
    code,
    level,
    kind: kindOf(level, code),
    prefix: code.slice(0, regionPrefixLength[level]),
    parentCode: parentOf(code, level),
    countyCode: regionPrefixLength[level] >= 6 ? code.slice(0, 6) : null,
  }
}

function parentOf(code: string, level: TRegionLevel): string | null {
  const i = regionLevels.indexOf(level)
  if (i === 0) return null
  return code.slice(0, regionPrefixLength[regionLevels[i - 1]]).padEnd(12, '0')
}

/** True for a valid 12-digit region code (see {@link parseRegionCode}). */
export function isValidRegionCode(code: string): boolean {
  return typeof code === 'string' && code.length === 12 && parseRegionCode(code).ok
}

function mustParse(code: string): TRegionInfo {
  const r = parseRegionCode(code)
  if (!r.ok) throw new Error(`${r.message}：${code}`)
  return r
}

/** Level of a region code. @throws Error for an invalid code. */
export function regionLevelOf(code: string): TRegionLevel {
  return mustParse(code).level
}

/**
 * The 12-digit code of the parent region (village → township → county → prefecture →
 * province), or null for a province. @throws Error for an invalid code.
 */
export function parentRegionCode(code: string): string | null {
  return mustParse(code).parentCode
}

/**
 * Scope prefix of `code` at `level`: its first 2/4/6/9/12 digits. Never strips zeros:
 * `regionScopePrefix('653126100000', 'township')` is `653126100`.
 * @throws Error for an invalid code or a level deeper than the code's own level.
 */
export function regionScopePrefix(code: string, level: TRegionLevel): string {
  const info = mustParse(code)
  if (regionLevels.indexOf(level) > regionLevels.indexOf(info.level)) {
    throw new Error(`区划代码 ${info.code} 为${regionLevelLabels[info.level]}，无法取${regionLevelLabels[level]}前缀`)
  }
  return info.code.slice(0, regionPrefixLength[level])
}

/** True when `prefix` has a valid scope length (2, 4, 6, 9 or 12 digits). */
export function isValidScopePrefix(prefix: string): boolean {
  return typeof prefix === 'string' && /^\d+$/.test(prefix) && [2, 4, 6, 9, 12].includes(prefix.length)
}

/**
 * True when `regionCode` lies in the union of the scope `prefixes` (it starts with one of them).
 * An empty list grants nothing.
 * @throws Error for a prefix that is not 2/4/6/9/12 digits — a zero-stripped prefix such as
 * `6531261` would silently widen the scope.
 */
export function isInScope(regionCode: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) {
    if (!isValidScopePrefix(p)) throw new Error(`无效的管辖范围前缀：${p}（应为2/4/6/9/12位）`)
  }
  return prefixes.some((p) => regionCode.startsWith(p))
}

/** The ancestors of a region from the province down to its parent, as 12-digit codes. */
export function regionAncestors(code: string): string[] {
  const info = mustParse(code)
  const depth = regionLevels.indexOf(info.level)
  return regionLevels.slice(0, depth).map((l) => info.code.slice(0, regionPrefixLength[l]).padEnd(12, '0'))
}
