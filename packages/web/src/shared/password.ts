/**
 * Client-side password hints, mirroring the server's rule (it has the final word and answers
 * with a field error): at least 10 characters, three of four character classes, not containing
 * the username.
 */
export const PASSWORD_RULE_TEXT = '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名'

export type Strength = { score: 0 | 1 | 2 | 3; label: string }

function classes(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length
}

export function passwordStrength(pw: string): Strength {
  if (!pw) return { score: 0, label: '未填写' }
  const k = classes(pw)
  if (pw.length < 10 || k < 3) return { score: 1, label: '弱' }
  if (pw.length >= 14 && k === 4) return { score: 3, label: '强' }
  return { score: 2, label: '中' }
}

export function passwordProblem(pw: string, username?: string): string | null {
  if (pw.length < 10) return '密码至少 10 位'
  if (pw.length > 128) return '密码不能超过 128 位'
  if (classes(pw) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}
