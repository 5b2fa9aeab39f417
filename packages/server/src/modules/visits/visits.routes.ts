import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { actOnTask } from './act-on-task.js'
import { assignPlans } from './assign-plans.js'
import { exportLedger } from './export-ledger.js'
import { findPlans } from './find-plans.js'
import { findTasks } from './find-tasks.js'
import { orderFromTask } from './order-from-task.js'
import { findVisitors } from './find-visitors.js'
import { findVisits } from './find-visits.js'
import { getLedger } from './get-ledger.js'
import { getPlan } from './get-plan.js'
import { getRates } from './get-rates.js'
import { recordVisit } from './record-visit.js'
import { syncPlans } from './sync-plans.js'
import { getVisitPhoto, MAX_PHOTO_BYTES, uploadVisitPhoto } from './visit-photo.js'
import {
  ZAssignPlans,
  ZFindPlans,
  ZFindTasks,
  ZFindVisits,
  ZLedger,
  ZLedgerQuery,
  ZPlanDetail,
  ZPlanItem,
  ZRates,
  ZRatesQuery,
  ZRecordVisit,
  ZRecordVisitResult,
  ZTaskAction,
  ZTaskItem,
  ZTaskOrder,
  ZVisitListItem,
  ZVisitorOption,
} from './visits.schemas.js'

const tags = ['visits']
const ZSync = z.object({ created: z.number().int(), resumed: z.number().int(), updated: z.number().int(), ended: z.number().int() })

export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/visits/plans',
    { schema: { tags, summary: '探访计划列表（redListed=true 为红名单）', querystring: ZFindPlans, response: { 200: pageOf(ZPlanItem), ...errorResponses } } },
    async (req) => findPlans(req.ctx, req.query),
  )
  app.post(
    '/visits/plans/sync',
    { schema: { tags, summary: '按规则为管辖范围内的老人生成/结束探访计划', response: { 200: ZSync, ...errorResponses } } },
    async (req) => syncPlans(req.ctx),
  )
  app.post(
    '/visits/plans/assign',
    {
      schema: {
        tags,
        summary: '指定探访人和备用探访人（可批量）',
        body: ZAssignPlans,
        response: { 200: z.object({ updated: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => assignPlans(req.ctx, req.body),
  )
  app.get(
    '/visits/plans/:id',
    { schema: { tags, summary: '探访计划详情（周期与探访记录）', params: ZUuidParam, response: { 200: ZPlanDetail, ...errorResponses } } },
    async (req) => getPlan(req.ctx, req.params.id),
  )
  app.get(
    '/visits/visitors',
    {
      schema: {
        tags,
        summary: '可指派的探访人（按同社区、距离（指定 planId 时）、计划数、本月探访次数排序，作为指派建议）',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^\d{12}$/, '区划代码应为12位数字')
            .optional(),
          planId: z.uuid({ message: '编号格式不正确' }).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZVisitorOption) }), ...errorResponses },
      },
    },
    async (req) => findVisitors(req.ctx, req.query),
  )
  app.get(
    '/visits',
    { schema: { tags, summary: '探访记录列表', querystring: ZFindVisits, response: { 200: pageOf(ZVisitListItem), ...errorResponses } } },
    async (req) => findVisits(req.ctx, req.query),
  )
  app.post(
    '/visits',
    {
      schema: {
        tags,
        summary: '登记一次探访（手机端；同一防重复编号重复提交只记一次）',
        body: ZRecordVisit,
        response: { 200: ZRecordVisitResult, ...errorResponses },
      },
    },
    async (req) => recordVisit(req.ctx, req.body),
  )
  app.put(
    '/visits/:id/photo',
    {
      bodyLimit: MAX_PHOTO_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: '上传探访照片（multipart，字段 file；JPEG/PNG/WebP，不超过 5 MB）',
        params: ZUuidParam,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ ok: z.literal(true), bytes: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'visit:record')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片', [{ path: 'file', message: '请选择照片' }])
      const part = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } })
      if (!part) throw new AppError('VALIDATION_FAILED', '请选择照片', [{ path: 'file', message: '请选择照片' }])
      return uploadVisitPhoto(req.ctx, req.params.id, { mimetype: part.mimetype, stream: part.file })
    },
  )
  app.get('/visits/:id/photo', { schema: { tags, summary: '探访照片', params: ZUuidParam } }, async (req, reply) => {
    const p = await getVisitPhoto(req.ctx, req.params.id)
    return reply.type(p.type).header('cache-control', 'private, no-store').header('content-length', p.size).send(p.stream)
  })
  app.get(
    '/visits/tasks',
    { schema: { tags, summary: '探访发现问题的待办任务', querystring: ZFindTasks, response: { 200: pageOf(ZTaskItem), ...errorResponses } } },
    async (req) => findTasks(req.ctx, req.query),
  )
  app.post(
    '/visits/tasks/:id/action',
    { schema: { tags, summary: '办结或取消任务', params: ZUuidParam, body: ZTaskAction, response: { 200: ZTaskItem, ...errorResponses } } },
    async (req) => actOnTask(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/visits/tasks/:id/order',
    {
      schema: {
        tags,
        summary: '“申请上门服务”任务转为服务工单（订单模块）',
        params: ZUuidParam,
        body: ZTaskOrder,
        response: { 200: z.object({ task: ZTaskItem, orderId: z.string() }), ...errorResponses },
      },
    },
    async (req) => orderFromTask(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/visits/ledger',
    { schema: { tags, summary: '探访台账（社区/村、月份）', querystring: ZLedgerQuery, response: { 200: ZLedger, ...errorResponses } } },
    async (req) => getLedger(req.ctx, req.query),
  )
  app.post('/visits/ledger.xlsx', { schema: { tags, summary: '探访台账导出（Excel，留痕）', body: ZLedgerQuery } }, async (req, reply) => {
    const buf = await exportLedger(req.ctx, req.body)
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="visit-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(`探访台账-${req.body.month}.xlsx`)}`)
      .send(buf)
  })
  app.get(
    '/visits/rates',
    { schema: { tags, summary: '周探访率与农村月巡访率（按区划下钻）', querystring: ZRatesQuery, response: { 200: ZRates, ...errorResponses } } },
    async (req) => getRates(req.ctx, req.query),
  )
}
