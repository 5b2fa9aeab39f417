import type { TProgramme } from '@yiyang/core'
import { loadSeedProgrammes } from '../../seed/programmes.js'

/** The installation's programmes, for the fund checks (maximum amounts, exclusivity groups). */
export async function programmesForChecks(): Promise<TProgramme[]> {
  return loadSeedProgrammes()
}
