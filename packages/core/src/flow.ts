/**
 * Workflows as one transition table (style.md §5). Each action names the statuses it may start
 * from, the status it leads to and the permission it needs. The server runs a guarded
 * `UPDATE … WHERE status = ANY(from)`; the web asks the same table which buttons to show.
 */
import type { TPermission } from './roles.js'

export type FlowAction<S extends string = string> = {
  readonly from: readonly S[]
  readonly to: S
  /** What the actor needs to take this step; the server's step helper checks it. */
  readonly permission: TPermission
}

/** A transition table: action name → transition. */
export type Flow<S extends string = string> = { readonly [action: string]: FlowAction<S> }

/** The action names of a flow. */
export type FlowActionName<F extends Flow> = Extract<keyof F, string>

/** True when `action` exists in `flow` and may start from status `from`. */
export function canTransition<S extends string>(flow: Flow<S>, action: string, from: S): boolean {
  const t = Object.prototype.hasOwnProperty.call(flow, action) ? flow[action] : undefined
  return t !== undefined && t.from.includes(from)
}

/** The status `action` leads to from `from`, or null when the transition is not allowed. */
export function nextStatus<S extends string>(flow: Flow<S>, action: string, from: S): S | null {
  return canTransition(flow, action, from) ? flow[action].to : null
}

/** Actions allowed from `from`, in table order (e.g. which buttons to show). */
export function availableActions<F extends Flow>(flow: F, from: string): FlowActionName<F>[] {
  return (Object.keys(flow) as FlowActionName<F>[]).filter((a) => (flow[a].from as readonly string[]).includes(from))
}

/** Statuses no action leaves (final states), given the full status list. */
export function terminalStatuses<S extends string>(flow: Flow<S>, statuses: readonly S[]): S[] {
  return statuses.filter((s) => !Object.values(flow).some((t) => t.from.includes(s)))
}
