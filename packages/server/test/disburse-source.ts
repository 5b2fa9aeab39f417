// A synthetic district for month-run crash tests: `n` elders owed one programme each, keyed by
// position so a resumed run sees the same pages. `delayMs` slows each page so a kill lands mid-run.
import type { TDueSource } from '../src/modules/disbursement/index.js'

export const syntheticElderId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

export function syntheticSource(n: number, opts: { delayMs?: number; onPage?: (page: number) => void } = {}): TDueSource {
  return {
    count: async () => n,
    page: async (_db, q) => {
      const from = q.after === null ? 0 : Number(q.after)
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs))
      const lines = []
      for (let i = from; i < Math.min(n, from + q.limit); i++) {
        lines.push({
          elderId: syntheticElderId(i),
          regionCode: '620702001001',
          programCode: 'gaoling',
          programName: '高龄津贴',
          delivery: 'cash',
          fundSource: 'fiscal',
          amountFen: 10000 + (i % 3) * 20000,
          explanation: '高龄津贴 测试',
        })
      }
      opts.onPage?.(from / q.limit)
      return { lines, cursor: from + q.limit >= n ? null : String(from + q.limit) }
    },
  }
}
