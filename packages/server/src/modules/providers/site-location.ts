import { AppError } from '../../platform/errors.js'

/** The site location columns from an input (issue 20 item 1): WGS-84, both given or both empty. */
export function siteLocation(input: { siteLat?: number | null; siteLng?: number | null }): { siteLat: number | null; siteLng: number | null } {
  const lat = input.siteLat ?? null
  const lng = input.siteLng ?? null
  if ((lat === null) !== (lng === null)) {
    const path = lat === null ? 'siteLat' : 'siteLng'
    const msg = lat === null ? '请同时填写纬度' : '请同时填写经度'
    throw new AppError('VALIDATION_FAILED', msg, [{ path, message: msg }])
  }
  return { siteLat: lat, siteLng: lng }
}
