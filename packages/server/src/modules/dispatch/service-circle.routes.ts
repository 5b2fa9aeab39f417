import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponses } from '../../platform/http.js'
import { exportServiceCircle } from './export-service-circle.js'
import { findServiceCircle } from './find-service-circle.js'
import { getMapContext } from './get-map-context.js'
import { ZMapContext, ZServiceCircle, ZServiceCircleQuery } from './service-circle.schemas.js'

const tags = ['dispatch']

/** The 15-minute service circle and the map's context (issue 20 items 2 and 5). */
export const serviceCircleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dispatch/map', { schema: { tags, summary: '地图底图配置与区域轮廓', response: { 200: ZMapContext, ...errorResponses } } }, async (req) =>
    getMapContext(req.ctx),
  )
  app.get(
    '/dispatch/service-circle',
    { schema: { tags, summary: '15分钟养老服务圈覆盖情况', querystring: ZServiceCircleQuery, response: { 200: ZServiceCircle, ...errorResponses } } },
    async (req) => findServiceCircle(req.ctx, req.query),
  )
  // Exports are POST and audited, like every other file export.
  app.post(
    '/dispatch/service-circle.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '导出15分钟服务圈（Excel）', body: ZServiceCircleQuery } },
    async (req, reply) => {
      const buf = await exportServiceCircle(req.ctx, req.body)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="service-circle.xlsx"; filename*=UTF-8''${encodeURIComponent('15分钟服务圈.xlsx')}`)
        .send(buf)
    },
  )
}
