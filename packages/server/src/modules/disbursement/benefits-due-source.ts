import type { TDueSource } from './due-source.js'

/** Placeholder until the benefits module lands (replaced at merge). */
export const benefitsDueSource: TDueSource = {
  count: async () => 0,
  page: async () => ({ lines: [], cursor: null }),
}
