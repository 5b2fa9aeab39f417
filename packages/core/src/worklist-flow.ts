/**
 * Screening worklist items (主动发现): an item opens when an elder matches a rule, is claimed or
 * assigned, and is handled with a note; the nightly refresh resolves items whose condition no
 * longer holds and reopens handled ones after the rule's delay.
 */
import type { Flow } from './flow.js'

export const worklistItemStatuses = ['open', 'assigned', 'handled', 'resolved'] as const
export type TWorklistItemStatus = (typeof worklistItemStatuses)[number]

export const worklistItemFlow = {
  assign: { from: ['open', 'assigned'], to: 'assigned', permission: 'worklist:write' },
  handle: { from: ['open', 'assigned'], to: 'handled', permission: 'worklist:write' },
} as const satisfies Flow<TWorklistItemStatus>
