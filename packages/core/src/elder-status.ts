/**
 * The registry's status flow: an active elder dies or moves out; a record entered in error is
 * reactivated. Every other module reacts to the events these steps record.
 */
import type { Flow } from './flow.js'
import type { TElderStatus } from './categories.js'

export const elderStatusFlow = {
  decease: { from: ['active'], to: 'deceased', permission: 'elder:write' },
  move_out: { from: ['active'], to: 'moved_out', permission: 'elder:write' },
  reactivate: { from: ['deceased', 'moved_out'], to: 'active', permission: 'elder:write' },
} as const satisfies Flow<TElderStatus>
export type TElderStatusAction = keyof typeof elderStatusFlow

/** The step that leads to a status. */
export const elderStatusStep = { deceased: 'decease', moved_out: 'move_out', active: 'reactivate' } as const satisfies Record<TElderStatus, TElderStatusAction>
