import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { bookHotlineService } from './book-hotline-service.js'
import { callBackHotlineCaller } from './call-back-hotline-caller.js'
import { closeHotlineCall } from './close-hotline-call.js'
import { dropHotlineCall } from './drop-hotline-call.js'
import { fileHotlineCall } from './file-hotline-call.js'
import { findHotlineCalls } from './find-hotline-calls.js'
import { getHotlineCall } from './get-hotline-call.js'
import {
  ZBook,
  ZDrop,
  ZFileHotline,
  ZFindHotline,
  ZHotlineCallBack,
  ZHotlineClose,
  ZHotlineDetail,
  ZHotlineItem,
  ZIntake,
  ZRaiseAlarm,
  ZReply,
  ZRoute,
} from './hotline.schemas.js'
import { raiseHotlineAlarm } from './raise-hotline-alarm.js'
import { receiveHotlineCall } from './receive-hotline-call.js'
import { replyHotlineCall } from './reply-hotline-call.js'
import { routeHotlineCall } from './route-hotline-call.js'
import { takeHotlineCall } from './take-hotline-call.js'

const tags = ['hotline']
const ZSwitchboardParam = z.object({ switchboard: z.string().regex(/^[a-z0-9_-]{1,32}$/, '交换机代码格式不正确') })

/** 12349 hotline work orders (issue 21 item 5). */
export const hotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  // The switchboard's webhook: the signature covers the raw body, so it is kept as received.
  await app.register(async (hooks) => {
    hooks.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_req, body, done) => done(null, body))
    hooks.post(
      '/hotline/webhook/:switchboard',
      {
        schema: {
          tags,
          summary: '交换机推送12349来电（主叫号码、通话编号、时间；HMAC-SHA256 签名同设备推送）',
          params: ZSwitchboardParam,
          response: { 200: z.object({ outcome: z.enum(['created', 'duplicate']), id: z.string() }), ...errorResponses },
        },
      },
      async (req) =>
        receiveHotlineCall(
          req.ctx,
          (req.params as { switchboard: string }).switchboard,
          { timestamp: req.headers['x-yiyang-timestamp'], signature: req.headers['x-yiyang-signature'] },
          typeof req.body === 'string' ? req.body : '',
        ),
    )
  })

  app.get(
    '/hotline/calls',
    {
      schema: {
        tags,
        summary: '热线工单列表（管辖范围内，最新在前；按来电号码或内容搜索）',
        querystring: ZFindHotline,
        response: { 200: pageOf(ZHotlineItem), ...errorResponses },
      },
    },
    async (req) => findHotlineCalls(req.ctx, req.query),
  )
  app.post(
    '/hotline/calls',
    { schema: { tags, summary: '坐席登记工单（交换机未推送的来电）', body: ZFileHotline, response: { 200: ZHotlineDetail, ...errorResponses } } },
    async (req) => fileHotlineCall(req.ctx, req.body),
  )
  app.get(
    '/hotline/calls/:id',
    {
      schema: { tags, summary: '工单详情：来电老人卡片（脱敏）、历史来电、处理记录', params: ZUuidParam, response: { 200: ZHotlineDetail, ...errorResponses } },
    },
    async (req) => getHotlineCall(req.ctx, req.params.id),
  )
  const steps = [
    ['intake', '受理来电（类别、内容、老人）', ZIntake, takeHotlineCall],
    ['route', '转办街道、服务商或部门', ZRoute, routeHotlineCall],
    ['book', '服务预约：生成服务工单申请', ZBook, bookHotlineService],
    ['raise-alarm', '紧急来电转紧急报警', ZRaiseAlarm, raiseHotlineAlarm],
    ['reply', '记录办理结果', ZReply, replyHotlineCall],
    ['call-back', '回访来电人', ZHotlineCallBack, callBackHotlineCaller],
    ['close', '关闭工单（须填写满意度）', ZHotlineClose, closeHotlineCall],
    ['drop', '未接通关闭', ZDrop, dropHotlineCall],
  ] as const
  for (const [path, summary, body, run] of steps) {
    app.post(
      `/hotline/calls/:id/${path}`,
      { schema: { tags, summary, params: ZUuidParam, body, response: { 200: ZHotlineDetail, ...errorResponses } } },
      async (req) => (run as (ctx: typeof req.ctx, id: string, b: unknown) => Promise<z.infer<typeof ZHotlineDetail>>)(req.ctx, req.params.id, req.body),
    )
  }
}
