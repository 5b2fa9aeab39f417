import { describe, expect, it } from 'vitest'
import type { TImportProgress } from './import-types.js'
import { forwardOnly } from './read-import-file.js'

describe('import progress', () => {
  it('never goes back when the file is read a second time', async () => {
    const seen: number[] = []
    const report = forwardOnly(async (p) => {
      seen.push(p.rowsRead)
    })
    const at = (percent: number, rowsRead: number): TImportProgress => ({ phase: 'reading', percent, rowsRead })
    // First read: 0, 2000 and 4000 rows (the percent follows bytes, so it may stay put), then a hiccup.
    for (const p of [at(0, 0), at(10, 2000), at(10, 4000)]) await report(p)
    // Second read from the start: silent until it passes 4000 rows.
    for (const p of [at(0, 0), at(10, 2000), at(10, 4000), at(20, 6000), at(69, 8000)]) await report(p)
    expect(seen).toEqual([0, 2000, 4000, 6000, 8000])
  })
})
