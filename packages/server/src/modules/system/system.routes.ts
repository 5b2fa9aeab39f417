import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZOk, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import type { TRouteOptions } from '../../platform/module.js'
import { findJobs } from './find-jobs.js'
import { findOutboxEvents } from './find-outbox-events.js'
import { retryJob } from './retry-job.js'
import { retryOutboxEvent } from './retry-outbox-event.js'
import { ZFindEvents, ZFindJobs, ZHealth, ZJob, ZOutboxEvent } from './system.schemas.js'
import { countDemoPasswordUsers } from '../accounts/index.js'

export const systemRoutes: FastifyPluginAsyncZod<TRouteOptions> = async (app, opts) => {
  app.get(
    '/health',
    {
      // Public anyway; a signed-in account that must change its password still sees it.
      config: { allowedBeforePasswordChange: true },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: { 200: ZHealth },
      },
    },
    async () => {
      // demo = seeded demo passwords still in use; the login page then shows the demo account.
      return { status: 'ok' as const, db: opts.database.kind, version: opts.version, demo: (await countDemoPasswordUsers(opts.database.db)) > 0 }
    },
  )

  const tags = ['system']
  app.get(
    '/system/jobs',
    { schema: { tags, summary: '后台任务（导入、定时任务）', querystring: ZFindJobs, response: { 200: pageOf(ZJob), ...errorResponses } } },
    async (req) => findJobs(req.ctx, app.jobs, req.query),
  )
  app.post(
    '/system/jobs/:id/retry',
    { schema: { tags, summary: '重新执行失败的任务', params: ZUuidParam, response: { 200: ZOk, ...errorResponses } } },
    async (req) => retryJob(req.ctx, req.params.id),
  )
  app.get(
    '/system/events',
    { schema: { tags, summary: '投递失败或等待重试的事件', querystring: ZFindEvents, response: { 200: pageOf(ZOutboxEvent), ...errorResponses } } },
    async (req) => findOutboxEvents(req.ctx, req.query),
  )
  app.post(
    '/system/events/:id/retry',
    { schema: { tags, summary: '重新投递事件', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: ZOk, ...errorResponses } } },
    async (req) => retryOutboxEvent(req.ctx, req.params.id),
  )
}
