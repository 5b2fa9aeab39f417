import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { approveDiff } from './approve-diff.js'
import { applyMove, checkMove } from './move-visit.js'
import { createPlan } from './create-plan.js'
import { findNotices } from './find-notices.js'
import { findPlans } from './find-plans.js'
import { getDiff } from './get-diff.js'
import { getPlan } from './get-plan.js'
import { insertUrgent } from './insert-urgent.js'
import { lockVisit } from './lock-visit.js'
import { proposeSick } from './propose-sick.js'
import { publishPlan } from './publish-plan.js'
import {
  ZCreatePlan,
  ZDiff,
  ZDiffParam,
  ZFindPlans,
  ZLock,
  ZMove,
  ZMoveCheck,
  ZNotice,
  ZPlanDetail,
  ZPlanIdParam,
  ZPlanSummary,
  ZSick,
  ZUrgent,
  ZUrgentResult,
  ZVersion,
} from './dispatch.schemas.js'

const tags = ['dispatch']
const detail = { 200: ZPlanDetail, ...errorResponses }

export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/dispatch/plans',
    { schema: { tags, summary: '生成日调度方案（后台计算）', body: ZCreatePlan, response: { 200: z.object({ planId: z.uuid() }), ...errorResponses } } },
    async (req) => createPlan(req.ctx, req.body),
  )
  app.get(
    '/dispatch/plans',
    { schema: { tags, summary: '调度方案列表', querystring: ZFindPlans, response: { 200: pageOf(ZPlanSummary), ...errorResponses } } },
    async (req) => findPlans(req.ctx, req.query),
  )
  app.get('/dispatch/notices', { schema: { tags, summary: '护理员的排班变动通知', response: { 200: z.array(ZNotice), ...errorResponses } } }, async (req) =>
    findNotices(req.ctx),
  )
  app.get('/dispatch/plans/:id', { schema: { tags, summary: '调度方案详情', params: ZPlanIdParam, response: detail } }, async (req) =>
    getPlan(req.ctx, req.params.id),
  )
  app.post(
    '/dispatch/plans/:id/moves/check',
    {
      config: { isRead: true },
      schema: { tags, summary: '手工调整的可行性检查', params: ZPlanIdParam, body: ZMove, response: { 200: ZMoveCheck, ...errorResponses } },
    },
    async (req) => checkMove(req.ctx, req.params.id, req.body),
  )
  app.post('/dispatch/plans/:id/moves', { schema: { tags, summary: '手工调整服务', params: ZPlanIdParam, body: ZMove, response: detail } }, async (req) =>
    applyMove(req.ctx, req.params.id, req.body),
  )
  app.post('/dispatch/plans/:id/locks', { schema: { tags, summary: '锁定或解锁服务', params: ZPlanIdParam, body: ZLock, response: detail } }, async (req) =>
    lockVisit(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/dispatch/plans/:id/publish',
    { schema: { tags, summary: '发布方案（派单给护理员）', params: ZPlanIdParam, body: ZVersion, response: detail } },
    async (req) => publishPlan(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/dispatch/plans/:id/urgent',
    { schema: { tags, summary: '急单插入已发布方案', params: ZPlanIdParam, body: ZUrgent, response: { 200: ZUrgentResult, ...errorResponses } } },
    async (req) => insertUrgent(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/dispatch/plans/:id/sick',
    { schema: { tags, summary: '护理员请病假：重新分配的变更待审批', params: ZPlanIdParam, body: ZSick, response: { 200: ZDiff, ...errorResponses } } },
    async (req) => proposeSick(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/dispatch/plans/:id/diffs/:diffId',
    { schema: { tags, summary: '变更详情', params: ZDiffParam, response: { 200: ZDiff, ...errorResponses } } },
    async (req) => getDiff(req.ctx, req.params.id, req.params.diffId),
  )
  app.post('/dispatch/plans/:id/diffs/:diffId/approve', { schema: { tags, summary: '批准变更', params: ZDiffParam, response: detail } }, async (req) =>
    approveDiff(req.ctx, req.params.id, req.params.diffId),
  )
}
