import type { Crypto } from '../../platform/crypto.js'
import { AppError } from '../../platform/errors.js'

/**
 * The home location columns from an input (issue 20 item 1): WGS-84, both given or both cleared.
 * Only one of the two is a 400 naming the missing field.
 */
export function homeLocation(input: { homeLat?: number | null; homeLng?: number | null }): { homeLat: number | null; homeLng: number | null } {
  const lat = input.homeLat ?? null
  const lng = input.homeLng ?? null
  if ((lat === null) !== (lng === null)) {
    const path = lat === null ? 'homeLat' : 'homeLng'
    const msg = lat === null ? '请同时填写纬度' : '请同时填写经度'
    throw new AppError('VALIDATION_FAILED', msg, [{ path, message: msg }])
  }
  return { homeLat: lat, homeLng: lng }
}

/**
 * The location as audit and history show it: rounded to about a kilometre, with a short keyed
 * digest so that a correction of a few metres is still a visible change, but the snapshot does
 * not give the exact place (it would give the address the registry keeps encrypted).
 */
export function homeLocationSnapshot(crypto: Crypto, lat: number | null, lng: number | null): string | null {
  if (lat === null || lng === null) return null
  const digest = crypto.lookupHash(`${lat.toFixed(6)},${lng.toFixed(6)}`).slice(0, 6)
  return `约 ${lat.toFixed(2)}, ${lng.toFixed(2)}（${digest}）`
}
