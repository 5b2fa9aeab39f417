import { readFile } from 'node:fs/promises'
import { validateProgrammes, type TProgramme } from '@yiyang/core'

const file = new URL('./programmes.json', import.meta.url)

/** The five demo programmes as seeded (issue 17); an invalid file is a packaging error, so it throws. */
export async function loadSeedProgrammes(): Promise<TProgramme[]> {
  const v = validateProgrammes(JSON.parse(await readFile(file, 'utf8')))
  if (!v.ok) throw new Error(`programmes.json 无效：${v.errors.map((e) => `${e.path}：${e.message}`).join('；')}`)
  return v.programmes
}
