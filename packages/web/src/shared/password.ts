/** Client-side password hints. The server has the final word and answers with a field error. */
export const PASSWORD_RULE_TEXT = "至少 8 位，需同时包含字母和数字，不能与用户名相同";

export type Strength = { score: 0 | 1 | 2 | 3; label: string };

export function passwordStrength(pw: string): Strength {
  if (!pw) return { score: 0, label: "未填写" };
  let kinds = 0;
  if (/[a-z]/.test(pw)) kinds++;
  if (/[A-Z]/.test(pw)) kinds++;
  if (/\d/.test(pw)) kinds++;
  if (/[^A-Za-z0-9]/.test(pw)) kinds++;
  if (pw.length < 8 || kinds < 2) return { score: 1, label: "弱" };
  if (pw.length >= 12 && kinds >= 3) return { score: 3, label: "强" };
  return { score: 2, label: "中" };
}

export function passwordProblem(pw: string, username?: string): string | null {
  if (pw.length < 8) return "密码至少 8 位";
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return "密码需同时包含字母和数字";
  if (username && pw.toLowerCase() === username.toLowerCase()) return "密码不能与用户名相同";
  return null;
}
