import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import type { Crypto } from './crypto.js'
import { keyCheck } from './key-check.tables.js'

const CHECK_TEXT = 'yiyang:secret-key-check:v1'

export const KEY_MISMATCH_MESSAGE =
  'SECRET_KEY 与数据库不匹配：库中的个人信息是用另一把密钥加密的。请用原来的 SECRET_KEY（或原 DATA_DIR 里的 secret.key）启动；换数据目录时请一并带上 secret.key。'

/**
 * Refuses a key the database was not written with. The first start of a database records the
 * check; a database from before the check (no row) is tested on one encrypted value first
 * (`sample`: any stored ciphertext, or null when nothing is encrypted yet).
 */
export async function assertSecretKeyMatches(db: Db, crypto: Crypto, sample: () => Promise<string | null>): Promise<'recorded' | 'ok'> {
  const mac = crypto.lookupHash(CHECK_TEXT)
  const [row] = await db.select().from(keyCheck).where(eq(keyCheck.id, 1))
  if (row) {
    if (row.mac !== mac) throw new Error(KEY_MISMATCH_MESSAGE)
    return 'ok'
  }
  const stored0 = await sample()
  if (stored0) {
    try {
      crypto.decrypt(stored0)
    } catch {
      throw new Error(KEY_MISMATCH_MESSAGE)
    }
  }
  await db.insert(keyCheck).values({ id: 1, mac }).onConflictDoNothing()
  // Two processes starting at once: the one that lost the insert still checks the winner's key.
  const [stored] = await db.select().from(keyCheck).where(eq(keyCheck.id, 1))
  if (stored!.mac !== mac) throw new Error(KEY_MISMATCH_MESSAGE)
  return 'recorded'
}
