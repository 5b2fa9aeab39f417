const ID_RE = /\b(\d{6})(\d{8})(\d{3}[\dXx])\b/g
const ID15_RE = /\b(\d{6})\d{6}(\d{3})\b/g
const PHONE_RE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g

export const maskSensitiveText = (s: string) => s.replace(ID_RE, '$1********$3').replace(PHONE_RE, '$1****$2').replace(ID15_RE, '$1******$2')

/**
 * Query parameters are row values: a failed insert of a user once logged its password hash.
 * Drizzle puts them in `params` and in the message ("Failed query: …\nparams: …"); PostgreSQL
 * echoes key values in `detail`. The SQL text itself stays: it names the failing statement.
 */
const UNLOGGED_ERROR_KEYS = new Set(['params', 'parameters', 'detail'])
const stripQueryParams = (s: string) => s.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [不记录]')

/**
 * Last line of defence for logs: whatever a message or an error carries (a database error
 * detail, a bad request echo), ID numbers and mobile numbers leave the process masked.
 */
export function maskLogObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitiveText(value)
  if (value === null || typeof value !== 'object' || depth > 6) return value
  if (Array.isArray(value)) return value.map((v) => maskLogObject(v, depth + 1))
  if (value instanceof Error) {
    // Keep an Error (so pino's serializer still names its type), with masked text.
    const e = new Error(maskSensitiveText(stripQueryParams(value.message)))
    e.name = value.name
    e.stack = value.stack ? maskSensitiveText(stripQueryParams(value.stack)) : undefined
    for (const [k, v] of Object.entries(value)) {
      if (UNLOGGED_ERROR_KEYS.has(k)) continue
      ;(e as unknown as Record<string, unknown>)[k] = maskLogObject(v, depth + 1)
    }
    return e
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskLogObject(v, depth + 1)
  return out
}
