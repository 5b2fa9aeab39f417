import type { FormInstance } from 'antd'
import { ApiError, errorMessage } from '../api/client'

/**
 * Route a server error to the right place: field errors onto the form (server paths like
 * "scopeRegionCode" or "body.password" map to the form's field names), anything else to a
 * message. Returns true when at least one field error landed on the form.
 */
export function applyServerError(err: unknown, form: FormInstance | null, showMessage: (text: string) => void): boolean {
  if (form && err instanceof ApiError && err.fields.length > 0) {
    const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}))
    const placed: { name: string; errors: string[] }[] = []
    const leftover: string[] = []
    for (const f of err.fields) {
      const name = f.path.replace(/^(body|query|params)\./, '').split('.')[0] ?? ''
      if (name && known.has(name)) placed.push({ name, errors: [f.message] })
      else leftover.push(f.message)
    }
    if (placed.length > 0) form.setFields(placed)
    if (leftover.length > 0 || placed.length === 0) showMessage(leftover.length ? leftover.join('；') : err.message)
    return placed.length > 0
  }
  showMessage(errorMessage(err))
  return false
}
