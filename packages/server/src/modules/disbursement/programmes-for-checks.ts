import type { TProgramme } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import { programmeDefinitions } from '../benefits/index.js'

/** The installation's programmes (benefits module), for the fund checks: maximum amounts, exclusivity groups. */
export async function programmesForChecks(db: DbOrTx): Promise<TProgramme[]> {
  return programmeDefinitions(db)
}

/** Which programmes carry unspent credits over to the next month (the month run lapses the others). */
export async function creditCarryOver(db: DbOrTx): Promise<(programCode: string) => boolean> {
  const carry = new Set((await programmesForChecks(db)).filter((p) => p.creditsCarryOver).map((p) => p.code))
  return (code) => carry.has(code)
}
