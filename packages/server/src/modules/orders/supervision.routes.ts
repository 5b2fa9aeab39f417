import { ORDER_PHOTO_MAX_BYTES } from '@yiyang/core'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { adjustStarRating } from './adjust-star-rating.js'
import { confirmStarRating } from './confirm-star-rating.js'
import { dismissComplaint } from './dismiss-complaint.js'
import { findComplaints } from './find-complaints.js'
import { findOrderPhotos } from './find-order-photos.js'
import { findStarRatings } from './find-star-ratings.js'
import { getComplaint } from './get-complaint.js'
import { getOrderKpis } from './get-order-kpis.js'
import { getOrderPhoto } from './get-order-photo.js'
import { investigateComplaint } from './investigate-complaint.js'
import { lodgeComplaint } from './lodge-complaint.js'
import { runStarRating } from './run-star-rating.js'
import {
  ZAdjustStarRating,
  ZComplaint,
  ZComplaintVersion,
  ZConfirmStarRating,
  ZDismissComplaint,
  ZFindComplaints,
  ZFindStarRatings,
  ZKpiQuery,
  ZLodgeComplaint,
  ZOrderKpis,
  ZOrderPhoto,
  ZOrderPhotoParams,
  ZPhotoUploadQuery,
  ZRunStarRating,
  ZStarRating,
  ZUpholdComplaint,
} from './supervision.schemas.js'
import { upholdComplaint } from './uphold-complaint.js'
import { uploadOrderPhoto } from './upload-order-photo.js'

const tags = ['orders']

/** Service record photos, complaints, KPIs and star ratings (issue 19 items 2, 3, 8). */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders/kpis',
    { schema: { tags, summary: '服务指标（持证上岗率、满意率、准时率、投诉率）', querystring: ZKpiQuery, response: { 200: ZOrderKpis, ...errorResponses } } },
    async (req) => getOrderKpis(req.ctx, req.query),
  )
  app.get(
    '/orders/:id/photos',
    { schema: { tags, summary: '服务记录照片列表', params: ZUuidParam, response: { 200: z.array(ZOrderPhoto), ...errorResponses } } },
    async (req) => findOrderPhotos(req.ctx, req.params.id),
  )
  app.post(
    '/orders/:id/photos',
    {
      bodyLimit: ORDER_PHOTO_MAX_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: '上传服务记录照片（multipart，字段 file；JPEG/PNG/WebP，不超过 5 MB；同一操作标识只记一次）',
        params: ZUuidParam,
        querystring: ZPhotoUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZOrderPhoto, ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'order:serve')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片', [{ path: 'file', message: '请选择照片' }])
      const part = await req.file({ limits: { fileSize: ORDER_PHOTO_MAX_BYTES, files: 1 } })
      if (!part) throw new AppError('VALIDATION_FAILED', '请选择照片', [{ path: 'file', message: '请选择照片' }])
      return uploadOrderPhoto(req.ctx, req.params.id, req.query.idempotencyKey, { mimetype: part.mimetype, stream: part.file })
    },
  )
  app.get('/orders/:id/photos/:photoId', { schema: { tags, summary: '服务记录照片', params: ZOrderPhotoParams } }, async (req, reply) => {
    const p = await getOrderPhoto(req.ctx, req.params.id, req.params.photoId)
    return reply.type(p.type).header('cache-control', 'private, no-store').header('content-length', p.size).send(p.stream)
  })
  app.post(
    '/orders/:id/complaints',
    { schema: { tags, summary: '登记投诉', params: ZUuidParam, body: ZLodgeComplaint, response: { 200: ZComplaint, ...errorResponses } } },
    async (req) => lodgeComplaint(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: '投诉列表（overdue=true 为逾期未办结）',
        querystring: ZFindComplaints,
        response: { 200: pageOf(ZComplaint), ...errorResponses },
      },
    },
    async (req) => findComplaints(req.ctx, req.query),
  )
  app.get('/complaints/:id', { schema: { tags, summary: '投诉详情', params: ZUuidParam, response: { 200: ZComplaint, ...errorResponses } } }, async (req) =>
    getComplaint(req.ctx, req.params.id),
  )
  app.post(
    '/complaints/:id/investigate',
    { schema: { tags, summary: '开始调查', params: ZUuidParam, body: ZComplaintVersion, response: { 200: ZComplaint, ...errorResponses } } },
    async (req) => investigateComplaint(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/complaints/:id/uphold',
    { schema: { tags, summary: '认定投诉成立（记入信用记录）', params: ZUuidParam, body: ZUpholdComplaint, response: { 200: ZComplaint, ...errorResponses } } },
    async (req) => upholdComplaint(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/complaints/:id/dismiss',
    { schema: { tags, summary: '认定投诉不成立', params: ZUuidParam, body: ZDismissComplaint, response: { 200: ZComplaint, ...errorResponses } } },
    async (req) => dismissComplaint(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/star-ratings',
    { schema: { tags, summary: '服务商星级评定', querystring: ZFindStarRatings, response: { 200: pageOf(ZStarRating), ...errorResponses } } },
    async (req) => findStarRatings(req.ctx, req.query),
  )
  app.post(
    '/star-ratings/run',
    {
      schema: {
        tags,
        summary: '立即计算某月星级评定（后台任务）',
        body: ZRunStarRating,
        response: { 200: z.object({ jobId: z.string() }), ...errorResponses },
      },
    },
    async (req) => runStarRating(req.ctx, req.body),
  )
  app.post(
    '/star-ratings/:id/confirm',
    { schema: { tags, summary: '确认星级评定', params: ZUuidParam, body: ZConfirmStarRating, response: { 200: ZStarRating, ...errorResponses } } },
    async (req) => confirmStarRating(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/star-ratings/:id/adjust',
    { schema: { tags, summary: '调整星级（须写明理由）', params: ZUuidParam, body: ZAdjustStarRating, response: { 200: ZStarRating, ...errorResponses } } },
    async (req) => adjustStarRating(req.ctx, req.params.id, req.body),
  )
}
