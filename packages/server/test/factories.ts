import { addDays, addMonths, makeIdNumber, todayInShanghai } from '@yiyang/core'
import type { TestApp } from './app.js'

/**
 * A fresh valid ID number (address code 620721, 肃南县, another county than the demo seed's
 * 620702; checksum computed). Fresh numbers never repeat within a test process, so tests in
 * one file stay apart by data, and never meet the demo seed's numbers.
 */
const FRESH_SPACE = 300 * 450
let freshBase = Math.floor(Math.random() * FRESH_SPACE)

export function freshIdNumber(opts: { age?: number; sex?: 'male' | 'female'; today?: string } = {}): string {
  const today = opts.today ?? todayInShanghai()
  const age = opts.age ?? 70
  const k = freshBase++ % FRESH_SPACE
  // Between 1 and 300 days before the birthday: the age on `today` is exactly `age`.
  const birth = addDays(addMonths(today, -12 * age), -(1 + (k % 300)))
  const seqBase = Math.floor(k / 300) * 2
  return makeIdNumber('620721', birth, seqBase + (opts.sex === 'female' ? 0 : 1))
}

export type TNewElder = {
  name?: string
  idNumber?: string
  age?: number
  sex?: 'male' | 'female'
  regionCode?: string
  livingArrangement?: string
  categories?: string[]
  hukou?: 'local' | 'non_local'
  address?: string | null
  phone?: string | null
  contacts?: { name: string; relation?: string; phone: string; isGuardian?: boolean }[]
  hasVisitPlan?: boolean
  hasFamilyDoctor?: boolean
  [k: string]: unknown
}

/**
 * Creates an elder through the HTTP API (so audit, history and events exist) and returns its id.
 * Defaults: a 70-year-old in 县府街社区 (东街街道), valid made-up ID number.
 */
export async function newElder(t: TestApp, cookie: string, overrides: TNewElder = {}): Promise<string> {
  const { age, sex, ...rest } = overrides
  const payload = {
    name: '测试老人',
    idNumber: freshIdNumber({ age, sex }),
    regionCode: '620702001001',
    livingArrangement: 'with_children',
    categories: [],
    address: '甘肃省张掖市甘州区幸福小区3号楼2单元501室',
    phone: '13800001234',
    ...rest,
  }
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/elders', headers: { cookie }, payload })
  if (res.statusCode !== 200) throw new Error(`newElder failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { id: string }).id
}
