import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { refreshWorklists } from './refresh-worklists.js'
import { assignWorklistItem } from './assign-worklist-item.js'
import { findWorklistItems } from './find-worklist-items.js'
import { handleWorklistItem } from './handle-worklist-item.js'
import { createWorklistRule } from './create-worklist-rule.js'
import { findWorklistRules } from './find-worklist-rules.js'
import { updateWorklistRule } from './update-worklist-rule.js'
import { pageOf } from '../../platform/list.js'
import { ZAssign, ZCreateRule, ZFindItems, ZHandle, ZItem, ZRule, ZUpdateRule } from './worklists.schemas.js'

const tags = ['worklists']
const ZRuleIdParam = z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{2,60}$/, '规则编号格式不正确') })

export const worklistsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/worklists/rules',
    {
      schema: {
        tags,
        summary: '筛查规则（含本辖区事项数）与规则编辑器可用的字段、运算',
        response: {
          200: z.object({
            items: z.array(ZRule),
            fields: z.array(z.object({ name: z.string(), type: z.string(), label: z.string(), values: z.record(z.string(), z.string()).nullable() })),
            ops: z.array(z.object({ op: z.string(), label: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => findWorklistRules(req.ctx),
  )

  app.post(
    '/worklists/rules',
    { schema: { tags, summary: '新建筛查规则（民政局管理员）', body: ZCreateRule, response: { 200: ZRule, ...errorResponses } } },
    async (req) => createWorklistRule(req.ctx, req.body),
  )

  app.put(
    '/worklists/rules/:id',
    { schema: { tags, summary: '修改筛查规则（民政局管理员）', params: ZRuleIdParam, body: ZUpdateRule, response: { 200: ZRule, ...errorResponses } } },
    async (req) => updateWorklistRule(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/worklists/refresh',
    {
      schema: {
        tags,
        summary: '按规则重新筛查本辖区',
        response: {
          200: z.object({ elders: z.number(), matched: z.number(), opened: z.number(), reopened: z.number(), resolved: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (req) => refreshWorklists(req.ctx),
  )

  app.get(
    '/worklists/items',
    { schema: { tags, summary: '筛查事项（默认待处理和已指派）', querystring: ZFindItems, response: { 200: pageOf(ZItem), ...errorResponses } } },
    async (req) => findWorklistItems(req.ctx, req.query),
  )

  app.post(
    '/worklists/items/:id/assign',
    { schema: { tags, summary: '指派（不填 assigneeId 为认领给自己）', params: ZUuidParam, body: ZAssign, response: { 200: ZItem, ...errorResponses } } },
    async (req) => assignWorklistItem(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/worklists/items/:id/handle',
    {
      schema: {
        tags,
        summary: '标记已处理（附处理情况）；条件仍存在时到期重新出现',
        params: ZUuidParam,
        body: ZHandle,
        response: { 200: ZItem, ...errorResponses },
      },
    },
    async (req) => handleWorklistItem(req.ctx, req.params.id, req.body),
  )
}
