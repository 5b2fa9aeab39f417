import type { TProgramme } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import { loadProgrammes } from './benefits.repo.js'

/** The installation's programmes as edited by the bureau (inactive ones too: old payments refer to them). */
export async function programmeDefinitions(db: DbOrTx): Promise<TProgramme[]> {
  return (await loadProgrammes(db, { includeInactive: true })).map((r) => r.definition)
}
