import { ApiError } from '../../api/client'
import { orderStep, type StepName } from './api'

/**
 * The caregiver's actions survive a dead signal: each is queued with its own idempotency key,
 * sent at once and, when the network fails, resent later with the same key — the server answers
 * a repeat with the order as it is, so an action is never done twice.
 */
export type QueuedAction = { key: string; orderId: string; step: StepName; body: Record<string, unknown>; at: string }
const STORE = 'yy.orders.queue'

export function loadQueue(): QueuedAction[] {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as QueuedAction[]
  } catch {
    return []
  }
}
const save = (q: QueuedAction[]) => localStorage.setItem(STORE, JSON.stringify(q))

export function enqueue(orderId: string, step: StepName, body: Record<string, unknown> = {}): QueuedAction {
  const a = { key: crypto.randomUUID(), orderId, step, body, at: new Date().toISOString() }
  save([...loadQueue(), a])
  return a
}

/** Sends what is queued, oldest first. Returns the errors the server gave (those actions are dropped: resending cannot help). */
export async function flushQueue(): Promise<{ sent: number; failed: { action: QueuedAction; message: string }[]; waiting: number }> {
  let sent = 0
  const failed: { action: QueuedAction; message: string }[] = []
  for (const a of loadQueue()) {
    try {
      await orderStep(a.orderId, a.step, { ...a.body, idempotencyKey: a.key })
      sent++
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) break // still offline: keep this and everything after it, in order
      failed.push({ action: a, message: e instanceof Error ? e.message : '提交失败' })
    }
    save(loadQueue().filter((x) => x.key !== a.key))
  }
  return { sent, failed, waiting: loadQueue().length }
}
