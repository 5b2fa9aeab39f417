import { describe, expect, it } from 'vitest'
import { getTableColumns } from 'drizzle-orm'
import { elders } from './elders.tables.js'
import { importCreateColumns, importUpdateColumns, notImportedOnCreate, notImportedOnUpdate } from './import-write-columns.js'

describe('import columns follow the elders table', () => {
  const all = Object.keys(getTableColumns(elders))

  it('writes or explicitly excludes every column of elders on create', () => {
    const written = new Set(importCreateColumns.map((c) => c.key))
    for (const key of all)
      expect(written.has(key) !== key in notImportedOnCreate, `elders.${key}: import it or add it to notImportedOnCreate with the reason`).toBe(true)
    for (const key of Object.keys(notImportedOnCreate)) expect(all, `notImportedOnCreate.${key} is not a column`).toContain(key)
  })

  it('updates or explicitly excludes every column of elders on update', () => {
    const written = new Set([...importUpdateColumns.map((c) => c.key), 'updatedAt'])
    for (const key of all)
      expect(written.has(key) !== key in notImportedOnUpdate, `elders.${key}: update it or add it to notImportedOnUpdate with the reason`).toBe(true)
  })

  it('knows the SQL type of each written column, arrays included', () => {
    expect(importCreateColumns.find((c) => c.key === 'typedCategories')).toMatchObject({ name: 'typed_categories', isArray: true })
    expect(importUpdateColumns.map((c) => c.key)).toContain('livingArrangement')
    expect(importUpdateColumns.map((c) => c.key)).not.toContain('birthDate')
  })
})
