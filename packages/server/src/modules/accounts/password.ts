import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Algorithm 2 = Argon2id.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (plain: string) => hash(plain, options)
export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain)
  } catch {
    return false
  }
}

// Verified against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-0'))

const common = new Set(['password123', '1234567890', 'qwertyuiop', 'yiyang-demo', 'admin12345', 'abc1234567', '12345678910'])

/** Returns a Chinese reason when the password is too weak, else null. */
export function passwordWeakness(password: string, username?: string): string | null {
  if (password.length < 10) return '密码至少 10 位'
  if (password.length > 128) return '密码不能超过 128 位'
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  if (common.has(password.toLowerCase())) return '密码过于常见，请换一个'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}
