import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import {
  ZAssessmentDetail,
  ZAssessmentSummary,
  ZAssessorOption,
  ZConditionChange,
  ZDueItem,
  ZFindAssessments,
  ZFindDue,
  ZObjection,
  ZReasonBody,
  ZRegionQuery,
  ZReview,
  ZSaveAnswers,
  ZScaleParam,
  ZScheduleAssessment,
  ZSettings,
  ZStats,
  ZStatsQuery,
  ZUpdateSettings,
  ZWorkloadRow,
} from './assessments.schemas.js'
import { cancelAssessment } from './cancel-assessment.js'
import { dismissObjection } from './dismiss-objection.js'
import { exportLevelStats } from './export-level-stats.js'
import { findAssessments } from './find-assessments.js'
import { findAssessors } from './find-assessors.js'
import { findDueReassessments } from './find-due-reassessments.js'
import { getAssessment } from './get-assessment.js'
import { getLevelStats } from './get-level-stats.js'
import { getWorkload } from './get-workload.js'
import { objectAssessment } from './object-assessment.js'
import { getReportHtml, getReportPdf } from './render-report.js'
import { reportConditionChange } from './report-condition-change.js'
import { reviewAssessment } from './review-assessment.js'
import { saveAnswers } from './save-answers.js'
import { scheduleAssessment } from './schedule-assessment.js'
import { listSettings } from './settings.js'
import { updateSettings } from './update-settings.js'
import { startAssessment } from './start-assessment.js'
import { pageOf } from '../../platform/list.js'
import { submitAssessment } from './submit-assessment.js'

const tags = ['assessments']

export const assessmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/assessments',
    { schema: { tags, summary: '评估记录列表', querystring: ZFindAssessments, response: { 200: pageOf(ZAssessmentSummary), ...errorResponses } } },
    async (req) => findAssessments(req.ctx, req.query),
  )

  app.post(
    '/assessments',
    { schema: { tags, summary: '安排评估', body: ZScheduleAssessment, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => scheduleAssessment(req.ctx, req.body),
  )

  app.get(
    '/assessments/due',
    { schema: { tags, summary: '复评到期/逾期清单', querystring: ZFindDue, response: { 200: pageOf(ZDueItem), ...errorResponses } } },
    async (req) => findDueReassessments(req.ctx, req.query),
  )

  app.post(
    '/assessments/condition-changes',
    {
      schema: {
        tags,
        summary: '报告身体状况变化（需即时评估）',
        body: ZConditionChange,
        response: { 200: z.object({ id: z.string(), elderId: z.string(), reportedAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => reportConditionChange(req.ctx, req.body),
  )

  app.get(
    '/assessments/workload',
    { schema: { tags, summary: '评估员工作量', querystring: ZRegionQuery, response: { 200: z.object({ items: z.array(ZWorkloadRow) }), ...errorResponses } } },
    async (req) => getWorkload(req.ctx, req.query),
  )

  app.get(
    '/assessments/assessors',
    {
      schema: {
        tags,
        summary: '可安排的评估员',
        querystring: ZRegionQuery,
        response: { 200: z.object({ items: z.array(ZAssessorOption) }), ...errorResponses },
      },
    },
    async (req) => findAssessors(req.ctx, req.query),
  )

  app.get(
    '/assessments/stats',
    { schema: { tags, summary: '能力等级分布统计', querystring: ZStatsQuery, response: { 200: ZStats, ...errorResponses } } },
    async (req) => getLevelStats(req.ctx, req.query),
  )

  // Exports are POST (issue 16), like every other file export.
  app.post(
    '/assessments/stats.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '能力等级分布导出（Excel）', body: ZStatsQuery } },
    async (req, reply) => {
      const buf = await exportLevelStats(req.ctx, req.body)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="assessment-levels.xlsx"; filename*=UTF-8''${encodeURIComponent('能力等级分布.xlsx')}`)
        .send(buf)
    },
  )

  app.get(
    '/assessments/settings',
    { schema: { tags, summary: '评估设置（复评间隔、异议期限）', response: { 200: z.object({ items: z.array(ZSettings) }), ...errorResponses } } },
    async (req) => listSettings(req.ctx),
  )

  app.put(
    '/assessments/settings/:scale',
    { schema: { tags, summary: '修改评估设置', params: ZScaleParam, body: ZUpdateSettings, response: { 200: ZSettings, ...errorResponses } } },
    async (req) => updateSettings(req.ctx, req.params.scale, req.body),
  )

  app.get(
    '/assessments/:id',
    { schema: { tags, summary: '评估详情（含答案）', params: ZUuidParam, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => getAssessment(req.ctx, req.params.id),
  )

  app.post(
    '/assessments/:id/start',
    { schema: { tags, summary: '开始评估', params: ZUuidParam, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => startAssessment(req.ctx, req.params.id),
  )

  app.put(
    '/assessments/:id/answers',
    { schema: { tags, summary: '保存草稿（自动保存）', params: ZUuidParam, body: ZSaveAnswers, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => saveAnswers(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/assessments/:id/submit',
    { schema: { tags, summary: '提交审核', params: ZUuidParam, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => submitAssessment(req.ctx, req.params.id),
  )

  app.post(
    '/assessments/:id/review',
    { schema: { tags, summary: '审核（通过即生效 / 退回）', params: ZUuidParam, body: ZReview, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => reviewAssessment(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/assessments/:id/objection',
    { schema: { tags, summary: '登记异议并安排复评', params: ZUuidParam, body: ZObjection, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => objectAssessment(req.ctx, req.params.id, req.body),
  )

  app.post(
    '/assessments/:id/dismiss-objection',
    { schema: { tags, summary: '异议撤回或驳回', params: ZUuidParam, body: ZReasonBody, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => dismissObjection(req.ctx, req.params.id, req.body.reason),
  )

  app.post(
    '/assessments/:id/cancel',
    { schema: { tags, summary: '取消评估', params: ZUuidParam, body: ZReasonBody, response: { 200: ZAssessmentDetail, ...errorResponses } } },
    async (req) => cancelAssessment(req.ctx, req.params.id, req.body.reason),
  )

  app.get('/assessments/:id/report.html', { schema: { tags, summary: '评估报告（可打印 HTML，附录 C）', params: ZUuidParam } }, async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await getReportHtml(req.ctx, req.params.id)),
  )

  app.get('/assessments/:id/report.pdf', { schema: { tags, summary: '评估报告 PDF（A4）', params: ZUuidParam } }, async (req, reply) => {
    const pdf = await getReportPdf(req.ctx, req.params.id)
    return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', `inline; filename="assessment-report.pdf"`).send(pdf)
  })
}
