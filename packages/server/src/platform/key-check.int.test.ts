import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/client.js'
import { openClone } from '../../test/app.js'
import { createCrypto } from './crypto.js'
import { assertSecretKeyMatches, KEY_MISMATCH_MESSAGE } from './key-check.js'
import { keyCheck } from './key-check.tables.js'

const keyA = createCrypto('a'.repeat(40))
const keyB = createCrypto('b'.repeat(40))
let database: Database
let drop: (() => Promise<void>) | undefined
beforeAll(async () => {
  ;({ database, drop } = await openClone())
})
afterAll(async () => {
  await database.close()
  await drop?.()
})

describe('the secret key check at start', () => {
  it('refuses a database written under another key, before any stored check exists', async () => {
    const written = keyA.encrypt('620702195001010011')
    await expect(assertSecretKeyMatches(database.db, keyB, async () => written)).rejects.toThrow(KEY_MISMATCH_MESSAGE)
    expect(await database.db.select().from(keyCheck)).toEqual([])
    expect(await assertSecretKeyMatches(database.db, keyA, async () => written)).toBe('recorded')
  })

  it('accepts the recorded key and refuses another one even with nothing encrypted', async () => {
    expect(await assertSecretKeyMatches(database.db, keyA, async () => null)).toBe('ok')
    await expect(assertSecretKeyMatches(database.db, keyB, async () => null)).rejects.toThrow(KEY_MISMATCH_MESSAGE)
    const rows = await database.db.select().from(keyCheck)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.mac).not.toContain('a'.repeat(8))
  })
})
