import websocket from '@fastify/websocket'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { deviceImportTemplate } from './get-device-import-template.js'
import { DEVICE_IMPORT_MAX_BYTES, importDevices } from './import-devices.js'
import { pageOf } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { acceptAlarm } from './accept-alarm.js'
import { hubOf } from './alarm-hub.js'
import {
  ZAlarmDetail,
  ZAlarmItem,
  ZCallBack,
  ZClose,
  ZDevice,
  ZDeviceImportResult,
  ZDispatch,
  ZFindAlarms,
  ZFindDevices,
  ZNotifyFamily,
  ZRegisterDevice,
  ZResponder,
  ZResponderStep,
} from './alarms.schemas.js'
import { arriveAlarm } from './arrive-alarm.js'
import { callBackAlarm } from './call-back-alarm.js'
import { claimAlarm } from './claim-alarm.js'
import { closeAlarm } from './close-alarm.js'
import { dispatchAlarm } from './dispatch-alarm.js'
import { findAlarms } from './find-alarms.js'
import { findDevices } from './find-devices.js'
import { findMyAlarms } from './find-my-alarms.js'
import { findResponders } from './find-responders.js'
import { finishAlarm } from './finish-alarm.js'
import { getAlarm } from './get-alarm.js'
import { getAlarmStats } from './get-alarm-stats.js'
import { exportAlarmStats } from './export-alarm-stats.js'
import { notifyFamily } from './notify-family.js'
import { receiveDeviceWebhook } from './receive-device-webhook.js'
import { registerDevice } from './register-device.js'
import { hotlineRoutes } from './hotline.routes.js'

const tags = ['alarms']
const ZVendorParam = z.object({ vendor: z.string().regex(/^[a-z0-9_-]{1,32}$/, '厂商代码格式不正确') })
const ZStats = z.object({
  total: z.number(),
  byType: z.array(z.object({ key: z.string(), count: z.number() })),
  byStreet: z.array(z.object({ key: z.string(), count: z.number() })),
  claimSeconds: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  closeSeconds: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  falseAlarmRate: z.number().nullable(),
  devices: z.object({ total: z.number(), offline: z.number() }),
  rejections: z.array(z.object({ key: z.string(), count: z.number() })),
  calls: z.object({
    total: z.number(),
    byCategory: z.array(z.object({ key: z.string(), count: z.number() })),
    byStreet: z.array(z.object({ key: z.string(), count: z.number() })),
    bySatisfaction: z.array(z.object({ key: z.string(), count: z.number() })),
    satisfiedRate: z.number().nullable(),
  }),
})
const ZStatsQuery = z.object({
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '地区代码应为12位数字')
    .optional(),
})

export const alarmsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(websocket, { options: { maxPayload: 4096 } })
  await app.register(hotlineRoutes)

  // Device and switchboard webhooks: the signature covers the raw body, so it is kept as received.
  await app.register(async (hooks) => {
    hooks.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body))
    hooks.post(
      '/devices/webhook/:vendor',
      {
        schema: {
          tags,
          summary: '厂商平台推送设备事件（HMAC-SHA256 签名：X-Yiyang-Timestamp、X-Yiyang-Signature）',
          params: ZVendorParam,
          response: { 200: z.object({ outcome: z.string(), alarmId: z.string().nullable() }), ...errorResponses },
        },
      },
      async (req) =>
        receiveDeviceWebhook(
          req.ctx,
          (req.params as { vendor: string }).vendor,
          { timestamp: req.headers['x-yiyang-timestamp'], signature: req.headers['x-yiyang-signature'] },
          typeof req.body === 'string' ? req.body : '',
        ),
    )
  })

  app.get(
    '/alarms/stream',
    {
      websocket: true,
      schema: { tags, summary: '报警实时推送（WebSocket，会话 Cookie；只推送管辖范围内的报警）' },
      preHandler: async (req) => {
        requirePermission(req.ctx.actor, 'alarm:read')
      },
    },
    (socket, req) => {
      const actor = req.ctx.actor
      if (!actor) return socket.close(4401, 'unauthenticated')
      const off = hubOf(req.ctx.events).add(actor, (m) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m))
      })
      socket.on('close', off)
      socket.on('message', () => {
        /* the stream is one-way; pings are answered by ws itself */
      })
    },
  )

  app.get(
    '/alarms',
    {
      schema: {
        tags,
        summary: '报警列表（管辖范围内，最新在前；queue=true 为待处理队列，未认领且最早的在前）',
        querystring: ZFindAlarms,
        response: { 200: pageOf(ZAlarmItem), ...errorResponses },
      },
    },
    async (req) => findAlarms(req.ctx, req.query),
  )
  app.get(
    '/alarms/stats',
    {
      schema: {
        tags,
        summary: '报警统计：按类型和街道、认领和关闭用时（中位数、P90）、误报率、离线设备',
        querystring: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: ZStats, ...errorResponses },
      },
    },
    async (req) => getAlarmStats(req.ctx, req.query),
  )
  app.post(
    '/alarms/stats.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '报警与热线统计导出（Excel，留痕）', body: ZStatsQuery } },
    async (req, reply) => {
      const buf = await exportAlarmStats(req.ctx, req.body)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="alarm-stats.xlsx"; filename*=UTF-8''${encodeURIComponent('报警与热线统计.xlsx')}`)
        .send(buf)
    },
  )
  app.get(
    '/alarms/assigned',
    { schema: { tags, summary: '派给我的报警（响应人手机页）', response: { 200: z.object({ items: z.array(ZAlarmItem) }), ...errorResponses } } },
    async (req) => findMyAlarms(req.ctx),
  )
  app.get(
    '/alarms/:id',
    { schema: { tags, summary: '报警详情：老人卡片（脱敏）、设备、处置记录', params: ZUuidParam, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => getAlarm(req.ctx, req.params.id),
  )
  app.get(
    '/alarms/:id/responder-view',
    { schema: { tags, summary: '响应人查看派给自己的报警', params: ZUuidParam, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => getAlarm(req.ctx, req.params.id, 'responder'),
  )
  app.get(
    '/alarms/:id/responders',
    {
      schema: {
        tags,
        summary: '可派单的响应人（该社区的社区工作人员和护理员）',
        params: ZUuidParam,
        response: { 200: z.object({ items: z.array(ZResponder) }), ...errorResponses },
      },
    },
    async (req) => findResponders(req.ctx, req.params.id),
  )
  app.post(
    '/alarms/:id/claim',
    { schema: { tags, summary: '认领（多人同时点击只有一人成功）', params: ZUuidParam, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => claimAlarm(req.ctx, req.params.id),
  )
  app.post(
    '/alarms/:id/call-back',
    { schema: { tags, summary: '记录回拨', params: ZUuidParam, body: ZCallBack, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => callBackAlarm(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/alarms/:id/dispatch',
    { schema: { tags, summary: '派单给响应人', params: ZUuidParam, body: ZDispatch, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => dispatchAlarm(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/alarms/:id/notify-family',
    {
      schema: {
        tags,
        summary: '通知家属（默认仅记录日志；配置短信网关后发送短信）',
        params: ZUuidParam,
        body: ZNotifyFamily,
        response: { 200: z.object({ sent: z.number(), failed: z.number() }), ...errorResponses },
      },
    },
    async (req) => notifyFamily(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/alarms/:id/close',
    { schema: { tags, summary: '关闭报警（须填写处置结果）', params: ZUuidParam, body: ZClose, response: { 200: ZAlarmDetail, ...errorResponses } } },
    async (req) => closeAlarm(req.ctx, req.params.id, req.body),
  )
  for (const [path, run, summary] of [
    ['accept', acceptAlarm, '响应人接单'],
    ['arrive', arriveAlarm, '响应人到场'],
    ['finish', finishAlarm, '响应人完成现场处置'],
  ] as const) {
    app.post(
      `/alarms/:id/${path}`,
      { schema: { tags, summary, params: ZUuidParam, body: ZResponderStep, response: { 200: ZAlarmDetail, ...errorResponses } } },
      async (req) => run(req.ctx, req.params.id, req.body),
    )
  }

  app.get(
    '/devices',
    {
      schema: {
        tags,
        summary: '设备列表（管辖范围内；offline=true 只看离线）',
        querystring: ZFindDevices,
        response: { 200: pageOf(ZDevice), ...errorResponses },
      },
    },
    async (req) => findDevices(req.ctx, req.query),
  )
  app.post(
    '/devices',
    {
      schema: {
        tags,
        summary: '登记设备并绑定老人（返回嵌入式 MQTT 的设备密钥，只显示一次）',
        body: ZRegisterDevice,
        response: { 200: z.object({ id: z.string(), serial: z.string(), deviceKey: z.string() }), ...errorResponses },
      },
    },
    async (req) => registerDevice(req.ctx, req.body),
  )
  app.get('/devices/import-template', { schema: { tags, summary: '下载设备导入模板（Excel）' } }, async (req, reply) => {
    requirePermission(req.ctx.actor, 'device:manage')
    const buf = await deviceImportTemplate()
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="devices.xlsx"; filename*=UTF-8''${encodeURIComponent('设备导入模板.xlsx')}`)
      .send(buf)
  })
  app.post(
    '/devices/import',
    {
      schema: {
        tags,
        summary: '上传 xlsx 导入设备（全部无误才写入；否则按行号返回错误，不写入任何设备）',
        consumes: ['multipart/form-data'],
        response: { 200: ZDeviceImportResult, ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'device:manage')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件')
      const part = await req.file({ limits: { fileSize: DEVICE_IMPORT_MAX_BYTES, files: 1 } })
      if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的 .xlsx 文件', [{ path: 'file', message: '请选择文件' }])
      // Read as a stream, stopping at the limit: never more than DEVICE_IMPORT_MAX_BYTES in memory.
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > DEVICE_IMPORT_MAX_BYTES) break
        chunks.push(chunk)
      }
      if (size > DEVICE_IMPORT_MAX_BYTES || part.file.truncated) {
        part.file.resume()
        throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 5 MB，请拆分后分批导入', [{ path: 'file', message: '文件超过 5 MB' }])
      }
      return importDevices(req.ctx, { buffer: Buffer.concat(chunks), filename: part.filename })
    },
  )
}
