import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { acceptOrder } from './accept-order.js'
import { assignOrder } from './assign-order.js'
import { cancelOrder } from './cancel-order.js'
import { checkInOrder } from './check-in-order.js'
import { checkOutOrder } from './check-out-order.js'
import { confirmOrder } from './confirm-order.js'
import { departOrder } from './depart-order.js'
import { exportProviderStatement } from './export-provider-statement.js'
import { findOrders } from './find-orders.js'
import { findTodayOrders } from './find-today-orders.js'
import { getOrder } from './get-order.js'
import { getOrderSettings } from './get-order-settings.js'
import { noShowOrder } from './no-show-order.js'
import {
  ZAssignOrder,
  ZCheckIn,
  ZConfirmOrder,
  ZFindOrders,
  ZOrderDetail,
  ZOrderSettings,
  ZOrderSummary,
  ZReason,
  ZRecordService,
  ZRequestOrder,
  ZResolve,
  ZStatementQuery,
  ZStepKey,
  ZVersionBody,
} from './orders.schemas.js'
import { recordService } from './record-service.js'
import { requestOrder } from './request-order.js'
import { resolveException } from './resolve-exception.js'
import { settleOrder } from './settle-order.js'
import { supervisionRoutes } from './supervision.routes.js'
import { updateOrderSettings } from './update-order-settings.js'

const tags = ['orders']
const detail = { 200: ZOrderDetail, ...errorResponses }

export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    { schema: { tags, summary: '服务工单列表', querystring: ZFindOrders, response: { 200: pageOf(ZOrderSummary), ...errorResponses } } },
    async (req) => findOrders(req.ctx, req.query),
  )
  app.post('/orders', { schema: { tags, summary: '申请服务（生成工单并核价）', body: ZRequestOrder, response: detail } }, async (req) =>
    requestOrder(req.ctx, req.body),
  )
  app.get('/orders/today', { schema: { tags, summary: '护理员今日工单', response: { 200: z.array(ZOrderDetail), ...errorResponses } } }, async (req) =>
    findTodayOrders(req.ctx),
  )
  app.get(
    '/orders/settings',
    { schema: { tags, summary: '工单规则（签到距离、自动确认天数）', response: { 200: ZOrderSettings, ...errorResponses } } },
    async (req) => getOrderSettings(req.ctx),
  )
  app.put(
    '/orders/settings',
    { schema: { tags, summary: '修改工单规则', body: ZOrderSettings, response: { 200: ZOrderSettings, ...errorResponses } } },
    async (req) => updateOrderSettings(req.ctx, req.body),
  )
  // Exports are POST (issue 16), like every other file export.
  app.post(
    '/orders/statement.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '服务商月度结算单（Excel）', body: ZStatementQuery } },
    async (req, reply) => {
      const buf = await exportProviderStatement(req.ctx, req.body)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="provider-statement-${req.body.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(`服务商结算单-${req.body.month}.xlsx`)}`,
        )
        .send(buf)
    },
  )
  app.get('/orders/:id', { schema: { tags, summary: '工单详情与进度', params: ZUuidParam, response: detail } }, async (req) => getOrder(req.ctx, req.params.id))
  app.post('/orders/:id/accept', { schema: { tags, summary: '服务商接单', params: ZUuidParam, body: ZVersionBody, response: detail } }, async (req) =>
    acceptOrder(req.ctx, req.params.id, req.body.version),
  )
  app.post('/orders/:id/assign', { schema: { tags, summary: '派单给护理员', params: ZUuidParam, body: ZAssignOrder, response: detail } }, async (req) =>
    assignOrder(req.ctx, req.params.id, req.body, 'assign'),
  )
  app.post('/orders/:id/reassign', { schema: { tags, summary: '改派护理员', params: ZUuidParam, body: ZAssignOrder, response: detail } }, async (req) =>
    assignOrder(req.ctx, req.params.id, req.body, 'reassign'),
  )
  app.post('/orders/:id/depart', { schema: { tags, summary: '护理员出发', params: ZUuidParam, body: ZStepKey, response: detail } }, async (req) =>
    departOrder(req.ctx, req.params.id, req.body.idempotencyKey),
  )
  app.post('/orders/:id/check-in', { schema: { tags, summary: '签到（时间与定位）', params: ZUuidParam, body: ZCheckIn, response: detail } }, async (req) =>
    checkInOrder(req.ctx, req.params.id, req.body),
  )
  app.post('/orders/:id/record', { schema: { tags, summary: '记录服务内容', params: ZUuidParam, body: ZRecordService, response: detail } }, async (req) =>
    recordService(req.ctx, req.params.id, req.body),
  )
  app.post('/orders/:id/check-out', { schema: { tags, summary: '签退', params: ZUuidParam, body: ZStepKey, response: detail } }, async (req) =>
    checkOutOrder(req.ctx, req.params.id, req.body.idempotencyKey),
  )
  app.post(
    '/orders/:id/confirm',
    { schema: { tags, summary: '老人或家属确认并评价', params: ZUuidParam, body: ZConfirmOrder, response: detail } },
    async (req) => confirmOrder(req.ctx, req.params.id, req.body),
  )
  app.post('/orders/:id/resolve', { schema: { tags, summary: '异常处理完毕', params: ZUuidParam, body: ZResolve, response: detail } }, async (req) =>
    resolveException(req.ctx, req.params.id, req.body.note),
  )
  app.post('/orders/:id/settle', { schema: { tags, summary: '结算', params: ZUuidParam, response: detail } }, async (req) =>
    settleOrder(req.ctx, req.params.id),
  )
  app.post('/orders/:id/cancel', { schema: { tags, summary: '取消工单', params: ZUuidParam, body: ZReason, response: detail } }, async (req) =>
    cancelOrder(req.ctx, req.params.id, req.body.reason),
  )
  app.post('/orders/:id/no-show', { schema: { tags, summary: '登记未上门', params: ZUuidParam, body: ZReason, response: detail } }, async (req) =>
    noShowOrder(req.ctx, req.params.id, req.body.reason),
  )
  await supervisionRoutes(app, {})
}
