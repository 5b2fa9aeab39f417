import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf, ZPageQuery } from '../../platform/list.js'
import { approveBatch } from './approve-batch.js'
import { checkBatch } from './check-batch.js'
import { creditBalances } from './credit-balances.js'
import { findBatchLines } from './find-batch-lines.js'
import { findBatches } from './find-batches.js'
import { reverseTransaction } from './reverse-transaction.js'
import { startMonthRun } from './start-month-run.js'
import { ZBatch, ZCredits, ZLine, ZMonth, ZVersion } from './disbursement.schemas.js'
import { verifyLedgerForActor } from './verify-ledger-for-actor.js'

const tags = ['disbursement']
export const disbursementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/disbursement/batches',
    {
      schema: {
        tags,
        summary: '月度发放批次',
        querystring: ZPageQuery.extend({ regionCode: z.string().optional() }),
        response: { 200: pageOf(ZBatch), ...errorResponses },
      },
    },
    async (req) => findBatches(req.ctx, req.query),
  )
  app.post(
    '/disbursement/runs',
    {
      schema: {
        tags,
        summary: '计算（或继续计算）某月的发放：后台任务，页面显示进度',
        body: z.object({ month: ZMonth }),
        response: { 200: z.object({ jobId: z.string(), created: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => startMonthRun(req.ctx, req.body),
  )
  app.get(
    '/disbursement/batches/:id/lines',
    {
      schema: {
        tags,
        summary: '批次明细（每位老人每个项目一行，含计算说明）',
        params: ZUuidParam,
        querystring: ZPageQuery.extend({ programCode: z.string().max(40).optional(), status: z.enum(['pending', 'paid', 'failed', 'reissued']).optional() }),
        response: { 200: pageOf(ZLine), ...errorResponses },
      },
    },
    async (req) => findBatchLines(req.ctx, req.params.id, req.query),
  )
  app.post(
    '/disbursement/batches/:id/check',
    { schema: { tags, summary: '复核批次', params: ZUuidParam, body: ZVersion, response: { 200: ZBatch, ...errorResponses } } },
    async (req) => checkBatch(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/disbursement/batches/:id/approve',
    { schema: { tags, summary: '审批批次（与复核人不能是同一人）', params: ZUuidParam, body: ZVersion, response: { 200: ZBatch, ...errorResponses } } },
    async (req) => approveBatch(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/ledger/transactions/:id/reverse',
    {
      schema: {
        tags,
        summary: '冲正一笔账务交易（账本只增不改）',
        params: ZUuidParam,
        body: z.object({ reason: z.string().trim().min(2, '请填写冲正原因').max(200) }),
        response: { 200: z.object({ id: z.string(), reversalOf: z.string() }), ...errorResponses },
      },
    },
    async (req) => reverseTransaction(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/ledger/verify',
    {
      schema: {
        tags,
        summary: '核对账本：每笔交易借贷平衡，账户余额与分录一致',
        response: { 200: z.object({ ok: z.boolean(), postings: z.number(), problem: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => verifyLedgerForActor(req.ctx),
  )
  app.get(
    '/elders/:id/credits',
    {
      schema: {
        tags,
        summary: '老人的服务额度余额与流水',
        params: ZUuidParam,
        response: { 200: ZCredits, ...errorResponses },
      },
    },
    async (req) => creditBalances(req.ctx, req.params.id),
  )
}
