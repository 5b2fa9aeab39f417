import { ApiError } from '../../api/client'
import { orderStep, uploadPhoto, type StepName } from './api'
import { dataUrlToBlob } from './photo'

/**
 * The caregiver's actions survive a dead signal: each is queued with its own idempotency key,
 * sent at once and, when the network fails, resent later with the same key — the server answers
 * a repeat with the order as it is, so an action is never done twice.
 */
export type QueuedAction = {
  key: string
  orderId: string
  step: StepName | 'photo'
  body: Record<string, unknown>
  at: string
  /** A record photo (step 'photo'), already shrunk, as a data URL: it waits in the queue like any action. */
  photo?: string
}
const STORE = 'yy.orders.queue'

export function loadQueue(): QueuedAction[] {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as QueuedAction[]
  } catch {
    return []
  }
}
function save(q: QueuedAction[]) {
  try {
    localStorage.setItem(STORE, JSON.stringify(q))
  } catch {
    throw new Error('手机存储已满，请联网上传已拍的照片后再拍')
  }
}

export function enqueue(orderId: string, step: StepName, body: Record<string, unknown> = {}): QueuedAction {
  const a = { key: crypto.randomUUID(), orderId, step, body, at: new Date().toISOString() }
  save([...loadQueue(), a])
  return a
}

/** A shrunk record photo, queued behind the actions before it (a check-in queued offline is sent first). */
export function enqueuePhoto(orderId: string, dataUrl: string): QueuedAction {
  const a: QueuedAction = { key: crypto.randomUUID(), orderId, step: 'photo', body: {}, at: new Date().toISOString(), photo: dataUrl }
  save([...loadQueue(), a])
  return a
}

/** Sends what is queued, oldest first. Returns the errors the server gave (those actions are dropped: resending cannot help). */
export async function flushQueue(): Promise<{ sent: number; failed: { action: QueuedAction; message: string }[]; waiting: number }> {
  let sent = 0
  const failed: { action: QueuedAction; message: string }[] = []
  for (const a of loadQueue()) {
    try {
      if (a.step === 'photo') await uploadPhoto(a.orderId, a.key, dataUrlToBlob(a.photo ?? ''))
      else await orderStep(a.orderId, a.step, { ...a.body, idempotencyKey: a.key })
      sent++
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) break // still offline: keep this and everything after it, in order
      failed.push({ action: a, message: e instanceof Error ? e.message : '提交失败' })
    }
    save(loadQueue().filter((x) => x.key !== a.key))
  }
  return { sent, failed, waiting: loadQueue().length }
}
