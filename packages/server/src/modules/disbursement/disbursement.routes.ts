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
import { bankExportColumns, exportBatch } from './export-batch.js'
import { importBankResult, readBankResult } from './import-bank-result.js'
import { getBankAccount, setBankAccount } from './set-bank-account.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import {
  ZReport,
  ZReportQuery,
  ZAnomaly,
  ZBankAccount,
  ZBankAccountInput,
  ZBankResult,
  ZBatch,
  ZCredits,
  ZFindAnomalies,
  ZLine,
  ZMonth,
  ZVersion,
} from './disbursement.schemas.js'
import { findFundAnomalies } from './find-fund-anomalies.js'
import { reissueFailedLines } from './reissue-failed-lines.js'
import { disbursementReport, exportDisbursementReport } from './disbursement-report.js'
import { resolveFundAnomaly } from './resolve-fund-anomaly.js'
import { scanFundAnomalies } from './scan-fund-anomalies.js'
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

  app.post(
    '/disbursement/batches/:id/export',
    {
      schema: {
        tags,
        summary: '导出银行代发文件（xlsx 或 CSV，列可配置；含完整账号，导出留痕）',
        params: ZUuidParam,
        body: z.object({
          version: z.number().int().positive(),
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
          columns: z
            .array(z.enum(Object.keys(bankExportColumns) as [keyof typeof bankExportColumns, ...(keyof typeof bankExportColumns)[]]))
            .max(9)
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const r = await exportBatch(req.ctx, req.params.id, req.body)
      return reply
        .type(r.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(r.filename)}`)
        .header('cache-control', 'no-store')
        .send(r.file)
    },
  )
  app.post(
    '/disbursement/batches/:id/result',
    {
      schema: {
        tags,
        summary: '导入银行回盘文件（明细编号、结果、失败原因），标记发放成功或失败',
        params: ZUuidParam,
        consumes: ['multipart/form-data'],
        response: { 200: ZBankResult, ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'disbursement:approve')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传回盘文件')
      let file: { buffer: Buffer; filename: string } | null = null
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { buffer: await part.toBuffer(), filename: part.filename }
      }
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择回盘文件', [{ path: 'file', message: '请选择文件' }])
      return importBankResult(req.ctx, req.params.id, await readBankResult(file.buffer, file.filename))
    },
  )
  app.get(
    '/elders/:id/bank-account',
    { schema: { tags, summary: '老人的代发银行账户（脱敏）', params: ZUuidParam, response: { 200: ZBankAccount.nullable(), ...errorResponses } } },
    async (req) => getBankAccount(req.ctx, req.params.id),
  )
  app.put(
    '/elders/:id/bank-account',
    {
      schema: {
        tags,
        summary: '登记或修改代发银行账户（加密存储）',
        params: ZUuidParam,
        body: ZBankAccountInput,
        response: { 200: ZBankAccount, ...errorResponses },
      },
    },
    async (req) => setBankAccount(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/disbursement/anomalies',
    { schema: { tags, summary: '资金监管：异常发放线索', querystring: ZFindAnomalies, response: { 200: pageOf(ZAnomaly), ...errorResponses } } },
    async (req) => findFundAnomalies(req.ctx, req.query),
  )
  app.post(
    '/disbursement/anomalies/scan',
    {
      schema: {
        tags,
        summary: '对某月发放运行资金监管检查（重复运行只新增新发现）',
        body: z.object({ month: ZMonth }),
        response: { 200: z.object({ month: z.string(), checkedLines: z.number(), found: z.number(), created: z.number() }), ...errorResponses },
      },
    },
    async (req) => scanFundAnomalies(req.ctx, req.body),
  )
  app.post(
    '/disbursement/anomalies/:id/resolve',
    {
      schema: {
        tags,
        summary: '处理异常线索并填写处理说明',
        params: ZUuidParam,
        body: z.object({ note: z.string().trim().min(2, '请填写处理说明').max(500), version: z.number().int().positive() }),
        response: { 200: ZAnomaly, ...errorResponses },
      },
    },
    async (req) => resolveFundAnomaly(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/disbursement/report',
    {
      schema: {
        tags,
        summary: '发放统计：月份 × 项目 × 街道 × 资金来源，福彩公益金占比',
        querystring: ZReportQuery,
        response: { 200: ZReport, ...errorResponses },
      },
    },
    async (req) => disbursementReport(req.ctx, req.query),
  )
  app.post('/disbursement/report/export', { schema: { tags, summary: '导出发放统计（Excel，留痕）', body: ZReportQuery } }, async (req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`发放统计-${req.body.from}-${req.body.to}.xlsx`)}`)
      .send(await exportDisbursementReport(req.ctx, req.body)),
  )
  app.post(
    '/disbursement/batches/:id/reissue',
    { schema: { tags, summary: '把发放失败的明细转入新的补发批次', params: ZUuidParam, response: { 200: ZBatch, ...errorResponses } } },
    async (req) => reissueFailedLines(req.ctx, req.params.id),
  )
}
