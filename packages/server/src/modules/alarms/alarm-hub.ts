import type { EventBus } from '../../platform/events.js'
import { can, type TActor } from '../../platform/permissions.js'
import type { TAlarmRow } from './alarms.repo.js'
import { streamFields } from './alarms.repo.js'

export type TStreamMessage = { type: 'alarm.created' | 'alarm.updated'; alarm: ReturnType<typeof streamFields> }
/**
 * A 12349 call ringing or changing (taken by a colleague): operators only (hotline:handle), in
 * scope. The console pops the caller's card on `status: 'ringing'` and closes it otherwise.
 */
export type THotlineMessage = {
  type: 'hotline.call'
  call: { id: string; status: string; callerPhoneMasked: string; elderId: string | null; elderName: string | null; regionCode: string; receivedAt: string }
}
type TListener = { actor: TActor; send: (m: TStreamMessage | THotlineMessage) => void }

/**
 * The live feed of one app: use cases publish a row after their transaction commits, and each
 * open stream receives the alarms inside its user's scope only. The alarm itself is durable
 * (stored before it is acknowledged); a console that was disconnected reloads the queue.
 */
export class AlarmHub {
  private listeners = new Set<TListener>()

  add(actor: TActor, send: TListener['send']) {
    const l = { actor, send }
    this.listeners.add(l)
    return () => void this.listeners.delete(l)
  }

  get size() {
    return this.listeners.size
  }

  publish(type: TStreamMessage['type'], row: TAlarmRow) {
    const msg: TStreamMessage = { type, alarm: streamFields(row) }
    for (const l of this.listeners) {
      if (row.regionCode.startsWith(l.actor.scopePrefix)) l.send(msg)
    }
  }

  publishCall(call: THotlineMessage['call']) {
    const msg: THotlineMessage = { type: 'hotline.call', call }
    for (const l of this.listeners) {
      if (call.regionCode.startsWith(l.actor.scopePrefix) && can(l.actor, 'hotline:handle')) l.send(msg)
    }
  }
}

// One hub per app: the app's EventBus is the key, so tests with several apps stay apart.
const hubs = new WeakMap<EventBus, AlarmHub>()
export function hubOf(events: EventBus): AlarmHub {
  let hub = hubs.get(events)
  if (!hub) hubs.set(events, (hub = new AlarmHub()))
  return hub
}
