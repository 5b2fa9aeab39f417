import { ApiError } from '../../api/client'
import { recordVisit, type RecordVisitInput } from './api'

const KEY = 'yiyang.visitOutbox'

const read = (): RecordVisitInput[] => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecordVisitInput[]
  } catch {
    return []
  }
}

/** Keeps a visit that could not be sent; its idempotency key makes a later resend safe. */
export function saveToOutbox(v: RecordVisitInput) {
  const all = read().filter((x) => x.idempotencyKey !== v.idempotencyKey)
  localStorage.setItem(KEY, JSON.stringify([...all, v]))
}

export const outboxSize = () => read().length

/** Sends what waits on the phone; a visit the server refuses (not a network error) is dropped with the rest kept. */
export async function flushOutbox(): Promise<number> {
  let sent = 0
  for (const v of read()) {
    try {
      await recordVisit(v)
      sent++
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) return sent
    }
    localStorage.setItem(KEY, JSON.stringify(read().filter((x) => x.idempotencyKey !== v.idempotencyKey)))
  }
  return sent
}
