import type { TProgramme } from '@yiyang/core'
import { loadSeedProgrammes } from '../../seed/programmes.js'

/** The installation's programmes, for the fund checks (maximum amounts, exclusivity groups). */
export async function programmesForChecks(): Promise<TProgramme[]> {
  return loadSeedProgrammes()
}

/** Which programmes carry unspent credits over to the next month (the month run lapses the others). */
export async function creditCarryOver(): Promise<(programCode: string) => boolean> {
  const carry = new Set((await programmesForChecks()).filter((p) => p.creditsCarryOver).map((p) => p.code))
  return (code) => carry.has(code)
}
