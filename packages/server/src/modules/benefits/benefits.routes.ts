import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { acceptApplication } from './accept-application.js'
import { addVerification, MAX_PHOTO_BYTES, MAX_PHOTOS, type TPhoto } from './add-verification.js'
import { approveApplication } from './approve-application.js'
import {
  ZAcceptBody,
  ZApplicationDetail,
  ZApplicationSummary,
  ZBenefit,
  ZCalendar,
  ZCalendarOverride,
  ZCalendarQuery,
  ZCandidate,
  ZCodeParam,
  ZCreateApplication,
  ZDateParam,
  ZDecideObjection,
  ZElderBenefits,
  ZElderParam,
  ZFindApplications,
  ZFindBenefits,
  ZFindCandidates,
  ZFindObjections,
  ZFindPublicNotices,
  ZLodgeObjection,
  ZMonthBody,
  ZNoteBody,
  ZObjectionListItem,
  ZOverdueByStreet,
  ZPreviewProgramme,
  ZPreviewResult,
  ZProgrammeRow,
  ZPublicNotice,
  ZPublicProgramme,
  ZReasonBody,
  ZUpdateProgramme,
  ZVersionBody,
} from './benefits.schemas.js'
import { deleteCalendarOverride, getCalendar, setCalendarOverride } from './calendar.js'
import { createApplication } from './create-application.js'
import { decideObjection } from './decide-objection.js'
import { findApplications } from './find-applications.js'
import { findBenefits } from './find-benefits.js'
import { findCandidates } from './find-candidates.js'
import { findObjections } from './find-objections.js'
import { findOverdueByStreet } from './find-overdue-by-street.js'
import { findProgrammes } from './find-programmes.js'
import { findPublicNotices, findPublicProgrammes, getPublicNotice, renderNoticeSheet } from './find-public-notices.js'
import { getApplication } from './get-application.js'
import { getBenefitFile } from './get-benefit-file.js'
import { getElderBenefits } from './get-elder-benefits.js'
import { lodgeObjection } from './lodge-objection.js'
import { startMonthlyReview } from './monthly-review.js'
import { previewProgramme } from './preview-programme.js'
import { startCandidatesRefresh } from './refresh-candidates.js'
import { rejectApplication } from './reject-application.js'
import { returnApplication } from './return-application.js'
import { streetReviewApplication } from './street-review-application.js'
import { submitApplication } from './submit-application.js'
import { updateProgramme } from './update-programme.js'

const tags = ['benefits']
const ZJobStarted = z.object({ id: z.string() })

export const benefitsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- programmes ----------
  app.get(
    '/benefit-programmes',
    { schema: { tags, summary: '补贴项目（规则即数据）', response: { 200: z.array(ZProgrammeRow), ...errorResponses } } },
    async (req) => findProgrammes(req.ctx),
  )
  app.put(
    '/benefit-programmes/:code',
    {
      schema: {
        tags,
        summary: '修改补贴项目（民政局管理员）',
        params: ZCodeParam,
        body: ZUpdateProgramme,
        response: { 200: ZProgrammeRow, ...errorResponses },
      },
    },
    async (req) => updateProgramme(req.ctx, req.params.code, req.body),
  )
  app.post(
    '/benefit-programmes/preview',
    {
      schema: { tags, summary: '规则预览：草稿项目对一位老人逐条判断', body: ZPreviewProgramme, response: { 200: ZPreviewResult, ...errorResponses } },
      config: { isRead: true },
    },
    async (req) => previewProgramme(req.ctx, req.body),
  )

  // ---------- applications ----------
  app.get(
    '/benefit-applications',
    {
      schema: {
        tags,
        summary: '补贴申请列表（表格与看板）',
        querystring: ZFindApplications,
        response: { 200: pageOf(ZApplicationSummary), ...errorResponses },
      },
    },
    async (req) => findApplications(req.ctx, req.query),
  )
  app.get(
    '/benefit-applications/overdue',
    {
      schema: {
        tags,
        summary: '各街道办理中与超期件数',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: ZOverdueByStreet, ...errorResponses },
      },
    },
    async (req) => findOverdueByStreet(req.ctx, req.query.regionCode),
  )
  app.post(
    '/benefit-applications',
    { schema: { tags, summary: '为老人填写补贴申请（草稿）', body: ZCreateApplication, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => createApplication(req.ctx, req.body),
  )
  app.get(
    '/benefit-applications/:id',
    { schema: { tags, summary: '申请详情与办理时间线', params: ZUuidParam, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => getApplication(req.ctx, req.params.id),
  )
  app.post(
    '/benefit-applications/:id/submit',
    { schema: { tags, summary: '提交申请', params: ZUuidParam, body: ZVersionBody, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => submitApplication(req.ctx, req.params.id, req.body.version),
  )
  app.post(
    '/benefit-applications/:id/accept',
    {
      schema: {
        tags,
        summary: '受理（需评估的项目同时申请能力评估）',
        params: ZUuidParam,
        body: ZAcceptBody,
        response: { 200: ZApplicationDetail, ...errorResponses },
      },
    },
    async (req) => acceptApplication(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/benefit-applications/:id/return',
    { schema: { tags, summary: '退回（写明原因）', params: ZUuidParam, body: ZReasonBody, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => returnApplication(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/benefit-applications/:id/verifications',
    {
      schema: {
        tags,
        summary: '入户核查记录（multipart：note 与照片 photos，每张不超过 5 MB，最多 4 张；须两名不同工作人员）',
        params: ZUuidParam,
        consumes: ['multipart/form-data'],
        response: { 200: ZApplicationDetail, ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'benefit:verify')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 提交核查情况和照片')
      let note = ''
      const photos: TPhoto[] = []
      // Streamed with per-file size and count limits; a larger file stops the upload with 413.
      for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 5 } })) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer()
          if (buffer.length > 0) photos.push({ fileName: part.filename || 'photo', buffer })
        } else if (part.fieldname === 'note') note = String(part.value)
      }
      return addVerification(req.ctx, req.params.id, { note, photos })
    },
  )
  app.get('/benefit-files/:id', { schema: { tags, summary: '核查照片', params: ZUuidParam } }, async (req, reply) => {
    const f = await getBenefitFile(req.ctx, req.params.id)
    return reply.type(f.mime).header('cache-control', 'private, no-store').send(f.body)
  })
  app.post(
    '/benefit-applications/:id/street-review',
    {
      schema: {
        tags,
        summary: '街道审核（公示开启时随即公示）',
        params: ZUuidParam,
        body: ZNoteBody,
        response: { 200: ZApplicationDetail, ...errorResponses },
      },
    },
    async (req) => streetReviewApplication(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/benefit-applications/:id/approve',
    { schema: { tags, summary: '区县批准（生成享受记录）', params: ZUuidParam, body: ZNoteBody, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => approveApplication(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/benefit-applications/:id/reject',
    { schema: { tags, summary: '不予批准（写明原因）', params: ZUuidParam, body: ZReasonBody, response: { 200: ZApplicationDetail, ...errorResponses } } },
    async (req) => rejectApplication(req.ctx, req.params.id, req.body),
  )

  // ---------- 公示 management ----------
  app.get(
    '/benefit-objections',
    { schema: { tags, summary: '公示异议列表', querystring: ZFindObjections, response: { 200: pageOf(ZObjectionListItem), ...errorResponses } } },
    async (req) => findObjections(req.ctx, req.query),
  )
  app.post(
    '/benefit-objections/:id/decision',
    {
      schema: {
        tags,
        summary: '异议核查结论（成立→不予批准；不成立→继续公示）',
        params: ZUuidParam,
        body: ZDecideObjection,
        response: { 200: ZApplicationDetail, ...errorResponses },
      },
    },
    async (req) => decideObjection(req.ctx, req.params.id, req.body),
  )

  // ---------- benefits ----------
  app.get(
    '/benefits',
    {
      schema: {
        tags,
        summary: '享受待遇列表（reviewDue：年度复核到期名单）',
        querystring: ZFindBenefits,
        response: { 200: pageOf(ZBenefit), ...errorResponses },
      },
    },
    async (req) => findBenefits(req.ctx, req.query),
  )
  app.get(
    '/elder-benefits/:elderId',
    { schema: { tags, summary: '老人的待遇、变更记录与各项目符合情况', params: ZElderParam, response: { 200: ZElderBenefits, ...errorResponses } } },
    async (req) => getElderBenefits(req.ctx, req.params.elderId),
  )
  app.post(
    '/benefits/monthly-review',
    { schema: { tags, summary: '立即运行某月的动态调整（后台任务）', body: ZMonthBody, response: { 200: ZJobStarted, ...errorResponses } } },
    async (req) => startMonthlyReview(req.ctx, req.body.month),
  )

  // ---------- discovery ----------
  app.get(
    '/benefit-candidates',
    { schema: { tags, summary: '主动发现：应享未享 / 不再符合', querystring: ZFindCandidates, response: { 200: pageOf(ZCandidate), ...errorResponses } } },
    async (req) => findCandidates(req.ctx, req.query),
  )
  app.post(
    '/benefit-candidates/refresh',
    { schema: { tags, summary: '重算主动发现名单（后台任务）', response: { 200: ZJobStarted, ...errorResponses } } },
    async (req) => startCandidatesRefresh(req.ctx),
  )

  // ---------- working-day calendar ----------
  app.get(
    '/calendar',
    { schema: { tags, summary: '工作日历（节假日、调休、本地调整）', querystring: ZCalendarQuery, response: { 200: ZCalendar, ...errorResponses } } },
    async (req) => getCalendar(req.ctx, req.query.year),
  )
  app.put(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '设置本地日历调整', params: ZDateParam, body: ZCalendarOverride, response: { 200: ZCalendar, ...errorResponses } } },
    async (req) => setCalendarOverride(req.ctx, req.params.date, req.body),
  )
  app.delete(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '删除本地日历调整', params: ZDateParam, response: { 200: ZCalendar, ...errorResponses } } },
    async (req) => deleteCalendarOverride(req.ctx, req.params.date),
  )

  // ---------- public (no login) ----------
  app.get(
    '/public/benefit-notices',
    {
      schema: { tags, summary: '公示中的名单（公开，无需登录）', querystring: ZFindPublicNotices, response: { 200: pageOf(ZPublicNotice), ...errorResponses } },
    },
    async (req) => findPublicNotices(req.ctx, req.query),
  )
  app.get('/public/benefit-notices/print', { schema: { tags, summary: '公示名单（A4 打印）' } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(await renderNoticeSheet(req.ctx)),
  )
  app.get(
    '/public/benefit-notices/:id',
    { schema: { tags, summary: '一条公示', params: ZUuidParam, response: { 200: ZPublicNotice, ...errorResponses } } },
    async (req) => getPublicNotice(req.ctx, req.params.id),
  )
  app.post(
    '/public/benefit-notices/:id/objections',
    {
      schema: {
        tags,
        summary: '对公示提出异议（公开；每个联系方式每案一次；限流）',
        params: ZUuidParam,
        body: ZLodgeObjection,
        response: { 200: z.object({ id: z.string(), message: z.string() }), ...errorResponses },
      },
      config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
    },
    async (req) => lodgeObjection(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/public/benefit-programmes',
    { schema: { tags, summary: '补贴政策（通俗说明，公开）', response: { 200: z.array(ZPublicProgramme), ...errorResponses } } },
    async (req) => findPublicProgrammes(req.ctx),
  )
}
