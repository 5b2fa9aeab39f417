import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { exportCanteenStatement } from './export-canteen-statement.js'
import { findMealCounts } from './find-meal-counts.js'
import { findMealElder } from './find-meal-elder.js'
import { findOrderFlags } from './find-order-flags.js'
import { getCanteenStatement } from './get-canteen-statement.js'
import { getMealCanteen } from './get-meal-canteen.js'
import {
  ZCanteen,
  ZCanteenStatement,
  ZCanteenStatementQuery,
  ZFindOrderFlags,
  ZMealCounts,
  ZMealCountsQuery,
  ZMealLookup,
  ZMealLookupResult,
  ZMealReceipt,
  ZOrderFlagPage,
  ZResolvedFlag,
  ZResolveFlag,
  ZServeMeal,
} from './meals.schemas.js'
import { resolveOrderFlag } from './resolve-order-flag.js'
import { serveMeal } from './serve-meal.js'

const tags = ['meals']

/** Meal aid at the canteen counter (助餐), its counts and statements, and the order anomaly flags. */
export const mealsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/meals/canteen', { schema: { tags, summary: '本助餐点与今日餐品', response: { 200: ZCanteen, ...errorResponses } } }, async (req) =>
    getMealCanteen(req.ctx),
  )
  // The ID number travels in the body, never in a URL or an access log.
  app.post(
    '/meals/lookup',
    {
      config: { isRead: true },
      schema: { tags, summary: '按身份证号或手机号查找就餐老人', body: ZMealLookup, response: { 200: ZMealLookupResult, ...errorResponses } },
    },
    async (req) => findMealElder(req.ctx, req.body.text),
  )
  app.post(
    '/meals',
    { schema: { tags, summary: '登记用餐（一步生成并结算助餐工单）', body: ZServeMeal, response: { 200: ZMealReceipt, ...errorResponses } } },
    async (req) => serveMeal(req.ctx, req.body),
  )
  app.get(
    '/meals/counts',
    { schema: { tags, summary: '每日用餐统计（按助餐点、餐次）', querystring: ZMealCountsQuery, response: { 200: ZMealCounts, ...errorResponses } } },
    async (req) => findMealCounts(req.ctx, req.query),
  )
  app.get(
    '/meals/statement',
    { schema: { tags, summary: '助餐点月度结算', querystring: ZCanteenStatementQuery, response: { 200: ZCanteenStatement, ...errorResponses } } },
    async (req) => getCanteenStatement(req.ctx, req.query),
  )
  app.post(
    '/meals/statement.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '助餐点月度结算单（Excel）', body: ZCanteenStatementQuery } },
    async (req, reply) => {
      const buf = await exportCanteenStatement(req.ctx, req.body)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="canteen-statement-${req.body.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(`助餐结算单-${req.body.month}.xlsx`)}`,
        )
        .send(buf)
    },
  )
  app.get(
    '/order-flags',
    { schema: { tags, summary: '工单异常（待督导处理）', querystring: ZFindOrderFlags, response: { 200: ZOrderFlagPage, ...errorResponses } } },
    async (req) => findOrderFlags(req.ctx, req.query),
  )
  app.post(
    '/order-flags/:id/resolve',
    { schema: { tags, summary: '处理工单异常', params: ZUuidParam, body: ZResolveFlag, response: { 200: ZResolvedFlag, ...errorResponses } } },
    async (req) => resolveOrderFlag(req.ctx, req.params.id, req.body),
  )
}
