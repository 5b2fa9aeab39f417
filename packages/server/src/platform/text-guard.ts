import { AppError, type TFieldError } from './errors.js'

/**
 * Characters no form field needs and that break things downstream: NUL makes PostgreSQL
 * reject the statement (a 500 before this guard), other C0 controls and DEL corrupt exports,
 * bidi overrides (U+202A–202E, U+2066–2069) let a name display differently from what is
 * stored ("Trojan Source"), and zero-width characters (U+200B–200D, U+FEFF) make two equal
 * looking names differ for de-duplication and search. Tab, LF and CR stay allowed for notes.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_TEXT_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u202A-\u202E\u2066-\u2069\uFEFF]/

const MAX_REPORTED = 20

/** Walks a parsed body, query or params object; returns one field error per offending string. */
export function findForbiddenText(value: unknown, path: string[] = [], out: TFieldError[] = [], depth = 0): TFieldError[] {
  if (out.length >= MAX_REPORTED || depth > 32) return out
  if (typeof value === 'string') {
    if (FORBIDDEN_TEXT_RE.test(value)) out.push({ path: path.join('.') || '请求', message: '含有不允许的控制字符或不可见字符' })
    return out
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return out
  if (Array.isArray(value)) {
    value.forEach((v, i) => findForbiddenText(v, [...path, String(i)], out, depth + 1))
    return out
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (FORBIDDEN_TEXT_RE.test(k)) out.push({ path: [...path, '(键名)'].join('.'), message: '字段名含有不允许的控制字符' })
    findForbiddenText(v, [...path, k], out, depth + 1)
  }
  return out
}

/**
 * One global check before schema validation, so every route (and every route added later)
 * rejects such text with 400 instead of each schema remembering to.
 */
export function assertCleanText(parts: { body?: unknown; query?: unknown; params?: unknown }) {
  const fields: TFieldError[] = []
  findForbiddenText(parts.body, [], fields)
  findForbiddenText(parts.query, ['querystring'], fields)
  findForbiddenText(parts.params, ['params'], fields)
  if (fields.length) {
    throw new AppError('VALIDATION_FAILED', `提交的内容有误：${fields[0]!.path} ${fields[0]!.message}`, fields)
  }
}
