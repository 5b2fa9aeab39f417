import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderImportTemplate } from './get-import-template.js'
import { exportElders } from './export-elders.js'
import { ZConfirmImportRows, ZElderFilter, ZImportJob } from './elders.schemas.js'
import { confirmElderImportRows } from './confirm-elder-import.js'
import { elderImportErrorList, elderImportErrorReport, getElderImport } from './get-elder-import.js'
import { importModes, type TImportMode } from './import-types.js'
import { startElderImport } from './start-elder-import.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const tags = ['elders']
const attachment = (name: string) => `attachment; filename="elders.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`
const ZBinary = z.any().describe('xlsx')

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/elders/import-template',
    { schema: { tags, summary: '下载导入模板（含下拉选项）', response: { 200: ZBinary, ...errorResponses } } },
    async (req, reply) => {
      const buf = await elderImportTemplate(req.ctx)
      return reply.type(XLSX).header('content-disposition', attachment('老年人信息导入模板.xlsx')).send(buf)
    },
  )

  app.post(
    '/elders/imports',
    {
      schema: {
        tags,
        summary: '上传 xlsx 开始导入（后台任务）；表单字段 mode = all_or_nothing | valid_only',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'elder:import')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件')
      let buffer: Buffer | null = null
      let filename = ''
      let mode: TImportMode = 'all_or_nothing'
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          buffer = await part.toBuffer()
          filename = part.filename
        } else if (part.fieldname === 'mode') {
          const v = String(part.value)
          if (!(importModes as readonly string[]).includes(v))
            throw new AppError('VALIDATION_FAILED', '导入方式无效', [{ path: 'mode', message: '应为 all_or_nothing 或 valid_only' }])
          mode = v as TImportMode
        }
      }
      if (!buffer) throw new AppError('VALIDATION_FAILED', '请选择要上传的 .xlsx 文件', [{ path: 'file', message: '请选择文件' }])
      return startElderImport(req.ctx, { buffer, filename }, mode)
    },
  )

  app.get(
    '/elders/imports/:id',
    { schema: { tags, summary: '导入任务进度与结果', params: ZUuidParam, response: { 200: ZImportJob, ...errorResponses } } },
    async (req) => getElderImport(req.ctx, req.params.id),
  )

  app.post(
    '/elders/imports/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认冲突行（身份证号相同、姓名不同）并重新导入这些行（新的后台任务）',
        params: ZUuidParam,
        body: ZConfirmImportRows,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => confirmElderImportRows(req.ctx, req.params.id, req.body.rows),
  )

  app.get(
    '/elders/imports/:id/errors',
    {
      schema: {
        tags,
        summary: '错误报告：xlsx（行号、姓名、列、内容、问题）；format=json 返回前200条',
        params: ZUuidParam,
        querystring: z.object({ format: z.enum(['xlsx', 'json']).default('xlsx') }),
        response: { 200: ZBinary, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.query.format === 'json') return elderImportErrorList(req.ctx, req.params.id)
      const buf = await elderImportErrorReport(req.ctx, req.params.id)
      return reply.type(XLSX).header('content-disposition', attachment('导入错误报告.xlsx')).send(buf)
    },
  )

  // POST (issue 16): an audited export is an action, never a link a crafted page can trigger.
  app.post(
    '/elders/export',
    {
      config: { isRead: true },
      schema: {
        tags,
        summary: '导出当前筛选的名单（默认脱敏；full=true 导出完整信息需 reason，并记录审计）',
        body: ZElderFilter.extend({ full: z.enum(['true', 'false']).default('false'), reason: z.string().max(200).optional() }),
        response: { 200: ZBinary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { full, reason, ...filter } = req.body
      const r = await exportElders(req.ctx, filter, { full: full === 'true', reason })
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(full === 'true' ? '老年人名单（完整）.xlsx' : '老年人名单.xlsx'))
        .header('x-row-count', String(r.count))
        .send(r.buffer)
    },
  )
}
