import { dispatchPlanFlow } from '@yiyang/core'
import { solveInWorker } from '@yiyang/solver'
import { eq } from 'drizzle-orm'
import { withTx } from '../../platform/context.js'
import { defineJob } from '../../platform/jobs.js'
import { runStep } from '../../platform/workflow.js'
import { greedyPlan, planFigures } from './dispatch.model.js'
import { planAuditSnapshot } from './dispatch.repo.js'
import { dispatchPlans } from './dispatch.tables.js'
import { loadModel } from './load-model.js'

export type TPlanJobInput = { planId: string; seconds: number }

/**
 * Computes a plan (issue 20 item 2): the model from the day's orders, the greedy baseline, then
 * the solver in a worker thread (the server's event loop stays free) with progress reported
 * every second; the plan becomes a draft, or failed with the reason.
 */
export const planJob = defineJob<TPlanJobInput>({
  kind: 'dispatch.plan',
  label: '生成日调度方案',
  maxAttempts: 2,
  leaseMs: 120_000,
  async run(ctx, job) {
    const [row] = await ctx.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, job.input.planId))
    if (!row || row.status !== 'computing') return { skipped: true }
    const limitMs = job.input.seconds * 1000
    const report = async (percent: number, phase: string) => {
      await ctx.db.update(dispatchPlans).set({ progress: { percent, phase } }).where(eq(dispatchPlans.id, row.id))
      await job.progress({ percent, phase })
    }
    try {
      const ms: Record<string, number> = {}
      let mark = performance.now()
      const lap = (k: string) => {
        ms[k] = Math.round(performance.now() - mark)
        mark = performance.now()
      }
      await report(5, '读取工单与护理员')
      const state = await loadModel(ctx.db, ctx.config, row)
      lap('model')
      state.baseline = greedyPlan(state.problem)
      state.baselineFigures = planFigures(state.problem, state.baseline)
      lap('greedy')
      await report(10, '优化路线')
      const started = Date.now()
      let ticking = Promise.resolve()
      const timer = setInterval(() => {
        const pct = Math.min(95, 10 + Math.round(((Date.now() - started) / limitMs) * 85))
        ticking = ticking.then(() => report(pct, '优化路线')).catch(() => undefined)
      }, 1000)
      try {
        state.plan =
          state.problem.visits.length === 0 || state.problem.caregivers.length === 0
            ? greedyPlan(state.problem)
            : await solveInWorker(state.problem, { timeLimitMs: limitMs, seed: 1 })
      } finally {
        clearInterval(timer)
        await ticking
      }
      lap('solver')
      state.figures = planFigures(state.problem, state.plan)
      await withTx(ctx, async (t) => {
        const [before] = await t.tx.select().from(dispatchPlans).where(eq(dispatchPlans.id, row.id)).for('update')
        await runStep(t, {
          table: dispatchPlans,
          step: dispatchPlanFlow.computed,
          before: before!,
          patch: { state, progress: { percent: 100, phase: '完成' } },
          audit: { action: 'dispatch.plan_computed', entityType: 'dispatch_plan', snapshot: planAuditSnapshot },
        })
      })
      lap('save')
      return { visits: state.figures.visits, unassigned: state.figures.unassigned, ms }
    } catch (e) {
      await withTx(ctx, async (t) => {
        const [before] = await t.tx.select().from(dispatchPlans).where(eq(dispatchPlans.id, row.id)).for('update')
        if (before?.status !== 'computing') return
        await runStep(t, {
          table: dispatchPlans,
          step: dispatchPlanFlow.fail,
          before,
          patch: { failure: `计算失败：${(e as Error).message}`.slice(0, 500) },
          audit: { action: 'dispatch.plan_failed', entityType: 'dispatch_plan', snapshot: planAuditSnapshot },
        })
      })
      return { failed: (e as Error).message }
    }
  },
})
