import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { changeElderStatus } from './change-elder-status.js'
import { createElder } from './create-elder.js'
import { ZChangeStatus, ZCreateElder, ZElderDetail, ZElderFilter, ZElderPage, ZFindElders, ZMerge, ZReveal, ZUpdateElder } from './elders.schemas.js'
import { findElderEvents } from './find-elder-events.js'
import { findElderHistory } from './find-elder-history.js'
import { countElderCategories, findElders } from './find-elders.js'
import { getElder } from './get-elder.js'
import { mergeElders } from './merge-elders.js'
import { revealElderField } from './reveal-elder-field.js'
import { updateElder } from './update-elder.js'
import { importRoutes } from './import.routes.js'

const tags = ['elders']
const ZChange = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })

export const eldersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/elders', { schema: { tags, summary: '老年人列表', querystring: ZFindElders, response: { 200: ZElderPage, ...errorResponses } } }, async (req) =>
    findElders(req.ctx, req.query),
  )

  app.get(
    '/elders/counts',
    {
      schema: {
        tags,
        summary: '当前筛选条件下各类别人数',
        querystring: ZElderFilter,
        response: { 200: z.object({ total: z.number(), counts: z.record(z.string(), z.number()) }), ...errorResponses },
      },
    },
    async (req) => countElderCategories(req.ctx, req.query),
  )

  app.post('/elders', { schema: { tags, summary: '新建老年人档案', body: ZCreateElder, response: { 200: ZElderDetail, ...errorResponses } } }, async (req) =>
    createElder(req.ctx, req.body),
  )

  app.get(
    '/elders/:id',
    { schema: { tags, summary: '老年人档案详情（脱敏）', params: ZUuidParam, response: { 200: ZElderDetail, ...errorResponses } } },
    async (req) => getElder(req.ctx, req.params.id),
  )

  app.patch(
    '/elders/:id',
    { schema: { tags, summary: '修改老年人档案', params: ZUuidParam, body: ZUpdateElder, response: { 200: ZElderDetail, ...errorResponses } } },
    async (req) => updateElder(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/elders/:id/status',
    { schema: { tags, summary: '登记死亡、迁出或恢复在册', params: ZUuidParam, body: ZChangeStatus, response: { 200: ZElderDetail, ...errorResponses } } },
    async (req) => changeElderStatus(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/elders/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整个人信息（记录审计）',
        params: ZUuidParam,
        body: ZReveal,
        response: {
          200: z.object({
            field: z.string(),
            value: z.string().nullable(),
            contacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string(), isGuardian: z.boolean() })).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => revealElderField(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/elders/:id/merge',
    {
      schema: {
        tags,
        summary: '合并重复档案（把 duplicateId 并入本档案）',
        params: ZUuidParam,
        body: ZMerge,
        response: { 200: ZElderDetail, ...errorResponses },
      },
    },
    async (req) => mergeElders(req.ctx, req.params.id, req.body),
  )

  app.get(
    '/elders/:id/history',
    {
      schema: {
        tags,
        summary: '档案变更历史',
        params: ZUuidParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number(), action: z.string(), source: z.string(), actorName: z.string().nullable(), at: z.string(), changes: z.array(ZChange) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => findElderHistory(req.ctx, req.params.id),
  )

  app.get(
    '/elders/:id/events',
    {
      schema: {
        tags,
        summary: '档案事件记录',
        params: ZUuidParam,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number(), type: z.string(), label: z.string(), at: z.string(), payload: z.record(z.string(), z.unknown()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => findElderEvents(req.ctx, req.params.id),
  )

  await app.register(importRoutes)
}
