import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * PII protection: AES-256-GCM for values at rest and HMAC-SHA256 for exact lookup and
 * de-duplication, both keyed from SECRET_KEY through HKDF with separate labels so one key
 * never serves two purposes.
 */
export type Crypto = {
  encrypt(plain: string): string
  decrypt(stored: string): string
  /** The same AES-256-GCM over bytes, for files: no text encoding on the way in or out. */
  encryptBytes(plain: Buffer): Buffer
  decryptBytes(stored: Buffer): Buffer
  lookupHash(value: string): string
  /** HMAC-SHA256 (hex) for the audit hash chain; the key never reaches the database. */
  auditChainMac(data: string): string
  /** HMAC-SHA256 (hex) signing exported audit checkpoints, under a separate label. */
  checkpointMac(data: string): string
}

const BYTES_V1 = Buffer.from('yyb1', 'latin1')
/** Whether bytes are in encryptBytes' form (text ciphertexts start with "v1."). */
export const isSealedBytes = (stored: Buffer) => stored.subarray(0, 4).equals(BYTES_V1)

/** AES-256-GCM with a fresh 96-bit IV; both ciphertext forms below wrap these two. */
function seal(key: Buffer, plain: Buffer) {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ct = Buffer.concat([cipher.update(plain), cipher.final()])
  return { iv, tag: cipher.getAuthTag(), ct }
}
function open(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer) {
  const d = createDecipheriv('aes-256-gcm', key, iv)
  d.setAuthTag(tag)
  return Buffer.concat([d.update(ct), d.final()])
}

export function createCrypto(secretKey: string): Crypto {
  const ikm = Buffer.from(secretKey, 'utf8')
  const encKey = Buffer.from(hkdfSync('sha256', ikm, 'yiyang', 'pii-encryption-v1', 32))
  const macKey = Buffer.from(hkdfSync('sha256', ikm, 'yiyang', 'pii-lookup-v1', 32))
  // Someone with database rights can disable the append-only trigger and rewrite rows, but
  // cannot recompute these MACs without SECRET_KEY.
  const chainKey = Buffer.from(hkdfSync('sha256', ikm, 'yiyang', 'yiyang-audit-chain-v1', 32))
  const checkpointKey = Buffer.from(hkdfSync('sha256', ikm, 'yiyang', 'yiyang-audit-checkpoint-v1', 32))
  return {
    encrypt(plain) {
      const { iv, tag, ct } = seal(encKey, Buffer.from(plain, 'utf8'))
      // v1.<iv>.<tag>.<ciphertext>: the version prefix lets a later key rotation coexist.
      return ['v1', iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.')
    },
    decrypt(stored) {
      const [v, iv, tag, ct] = stored.split('.')
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unsupported ciphertext format')
      return open(encKey, Buffer.from(iv, 'base64url'), Buffer.from(tag, 'base64url'), Buffer.from(ct, 'base64url')).toString('utf8')
    },
    encryptBytes(plain) {
      const { iv, tag, ct } = seal(encKey, plain)
      // <magic "yyb1"><iv 12><tag 16><ciphertext>; the magic plays the part of the text form's "v1".
      return Buffer.concat([BYTES_V1, iv, tag, ct])
    },
    decryptBytes(stored) {
      if (!isSealedBytes(stored) || stored.length < 32) throw new Error('unsupported ciphertext format')
      return open(encKey, stored.subarray(4, 16), stored.subarray(16, 32), stored.subarray(32))
    },
    lookupHash(value) {
      return createHmac('sha256', macKey).update(value, 'utf8').digest('base64url')
    },
    auditChainMac(data) {
      return createHmac('sha256', chainKey).update(data, 'utf8').digest('hex')
    },
    checkpointMac(data) {
      return createHmac('sha256', checkpointKey).update(data, 'utf8').digest('hex')
    },
  }
}

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')
export function safeEqual(a: string, b: string) {
  const ba = Buffer.from(a)
  const bb = Buffer.from(b)
  return ba.length === bb.length && timingSafeEqual(ba, bb)
}
