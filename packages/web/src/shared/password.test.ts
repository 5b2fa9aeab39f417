import { describe, expect, it } from 'vitest'
import { passwordProblem, passwordStrength } from './password'

describe('password hints (mirror the server rule)', () => {
  it('rejects short passwords and too few character classes', () => {
    expect(passwordProblem('Ab1!')).toBe('密码至少 10 位')
    expect(passwordProblem('abcdefghij1')).toMatch(/三类/)
    expect(passwordProblem('Abcdefghij1')).toBeNull()
  })

  it('rejects a password that contains the username, case-insensitively', () => {
    expect(passwordProblem('Zhangsan-2024', 'ZhangSan')).toBe('密码不能包含用户名')
  })

  it('grades strength in three steps', () => {
    expect(passwordStrength('').score).toBe(0)
    expect(passwordStrength('abc').label).toBe('弱')
    expect(passwordStrength('Abcdefgh12').label).toBe('中')
    expect(passwordStrength('Abcdefgh12!xyz').label).toBe('强')
  })
})
