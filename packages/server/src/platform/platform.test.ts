import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config.js'
import { createCrypto, isSealedBytes } from './crypto.js'
import { grantableRoles, requireInScope, type TActor } from './permissions.js'
import { canonical, sanitizeForAudit } from './audit.js'
import { passwordWeakness } from '../modules/accounts/password.js'

const key = 'k'.repeat(40)

describe('config', () => {
  it('names the bad key in one line', () => {
    expect(() => loadConfig({ PORT: 'abc', SECRET_KEY: key })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'abc', SECRET_KEY: key })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', SECRET_KEY: key })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY/)
  })

  it('generates a secret key into the data folder once, readable only by the owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yy-cfg-'))
    const a = loadConfig({ DATA_DIR: dir })
    const b = loadConfig({ DATA_DIR: dir })
    expect(a.secretKey).toBe(b.secretKey)
    expect(a.secretKey.length).toBeGreaterThanOrEqual(32)
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(a.secretKey)
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0)
  })

  it('defaults to port 3000 on PGlite in ./data', () => {
    const c = loadConfig({ SECRET_KEY: key })
    expect(c.port).toBe(3000)
    expect(c.databaseUrl).toBeUndefined()
    expect(c.dataDir.endsWith('data')).toBe(true)
  })
})

describe('PII crypto', () => {
  const c = createCrypto(key)
  it('round-trips with a fresh IV each time and detects tampering', () => {
    const a = c.encrypt('11010519491231002X')
    const b = c.encrypt('11010519491231002X')
    expect(a).not.toBe(b)
    expect(a).not.toContain('11010519491231002X')
    expect(c.decrypt(a)).toBe('11010519491231002X')
    const parts = a.split('.')
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'AB' : 'AA')
    expect(() => c.decrypt(parts.join('.'))).toThrow()
  })
  it('seals bytes with a fresh IV, opens them only with the key, and detects tampering', () => {
    const file = Buffer.from('PK\u0003\u0004 11010519491231002X 身份证', 'utf8')
    const a = c.encryptBytes(file)
    expect(isSealedBytes(a)).toBe(true)
    expect(a.equals(c.encryptBytes(file))).toBe(false)
    expect(a.includes(Buffer.from('11010519491231002X'))).toBe(false)
    expect(c.decryptBytes(a).equals(file)).toBe(true)
    const flipped = Buffer.from(a)
    flipped[flipped.length - 1]! ^= 1
    expect(() => c.decryptBytes(flipped)).toThrow()
    expect(() => createCrypto('z'.repeat(40)).decryptBytes(a)).toThrow()
    expect(() => c.decryptBytes(Buffer.from(c.encrypt('x'), 'utf8'))).toThrow('unsupported ciphertext format')
  })
  it('gives a stable keyed lookup hash that depends on the key', () => {
    expect(c.lookupHash('x')).toBe(c.lookupHash('x'))
    expect(createCrypto('z'.repeat(40)).lookupHash('x')).not.toBe(c.lookupHash('x'))
  })
})

describe('audit snapshots', () => {
  it('masks ID and phone numbers and drops secret fields', () => {
    expect(sanitizeForAudit({ note: '身份证 11010519491231002X 电话 13812345678', passwordHash: 'h', phoneEnc: 'e', n: 1 })).toEqual({
      note: '身份证 110105********002X 电话 138****5678',
      n: 1,
    })
  })
  it('serialises canonically regardless of key order', () => {
    expect(canonical({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(canonical({ a: { c: null, d: [1, 'x'] }, b: 1 }))
  })
})

describe('permissions', () => {
  const actor = (role: TActor['role'], scopePrefix = '620702001'): TActor => ({
    userId: 'u',
    username: 'u',
    role,
    scopePrefix,
    scopeRegionCode: scopePrefix.padEnd(12, '0'),
    providerId: null,
    via: 'session',
  })
  it('never offers a role ranked above the admin’s own', () => {
    expect(grantableRoles(actor('street_officer'))).not.toContain('bureau_admin')
    expect(grantableRoles(actor('street_officer'))).not.toContain('auditor')
    expect(grantableRoles(actor('bureau_admin'))).not.toContain('sys_admin')
    expect(grantableRoles(actor('community_worker'))).toEqual([])
  })
  it('treats out-of-scope like absent (NOT_FOUND)', () => {
    expect(() => requireInScope(actor('street_officer'), '620702002001')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => requireInScope(actor('street_officer'), '620702001001')).not.toThrow()
  })
})

describe('password policy', () => {
  it('asks for 10+ characters of three kinds, not the username or a common password', () => {
    expect(passwordWeakness('Ab1-')).toMatch(/10/)
    expect(passwordWeakness('abcdefghijk')).toMatch(/三类/)
    expect(passwordWeakness('Zhang.worker-1', 'zhang.worker')).toMatch(/用户名/)
    expect(passwordWeakness('Welcome-2026!')).toBeNull()
  })
})

describe('log masking', async () => {
  const { maskLogObject } = await import('./log.js')
  it('masks ID numbers and phones in messages and errors', () => {
    const err = new Error('duplicate key 11010519491231002X for 13812345678')
    const masked = maskLogObject({ msg: 'id 440524188001010014', err }) as { msg: string; err: Error }
    expect(masked.err).toBeInstanceOf(Error)
    const out = JSON.stringify({ msg: masked.msg, message: masked.err.message, stack: masked.err.stack })
    expect(out).not.toContain('11010519491231002X')
    expect(out).not.toContain('440524188001010014')
    expect(out).not.toContain('13812345678')
    expect(out).toContain('110105********002X')
  })
})
