import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { pageOf, ZPageQuery } from '../../platform/list.js'
import { addCertificate } from './add-certificate.js'
import { addCreditRecord } from './add-credit-record.js'
import { changeProviderStatus } from './change-provider-status.js'
import { createCaregiver } from './create-caregiver.js'
import { findCaregivers } from './find-caregivers.js'
import { findCreditRecords } from './find-credit-records.js'
import { findDueCertificates } from './find-due-certificates.js'
import { findProviders } from './find-providers.js'
import { getCaregiver } from './get-caregiver.js'
import { getProvider } from './get-provider.js'
import { providerDirectory } from './provider-directory.js'
import { providerDocumentsRoutes } from './provider-documents.routes.js'
import {
  ZAddCertificate,
  ZBackgroundCheck,
  ZCaregiverSummary,
  ZCreateCaregiver,
  ZCreditRecord,
  ZCreditRecordInput,
  ZDirectoryEntry,
  ZDueCertificate,
  ZFindCaregivers,
  ZFindProviders,
  ZProviderDetail,
  ZProviderStatusChange,
  ZProviderSummary,
  ZRegisterProvider,
  ZResubmitProvider,
  ZReviewProvider,
} from './providers.schemas.js'
import { recordBackgroundCheck } from './record-background-check.js'
import { registerProvider } from './register-provider.js'
import { resubmitProvider } from './resubmit-provider.js'
import { reviewProvider } from './review-provider.js'

const tags = ['providers']

export const providersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/providers',
    { schema: { tags, summary: '服务商列表', querystring: ZFindProviders, response: { 200: pageOf(ZProviderSummary), ...errorResponses } } },
    async (req) => findProviders(req.ctx, req.query),
  )
  app.post(
    '/providers',
    { schema: { tags, summary: '登记服务商（待审核）', body: ZRegisterProvider, response: { 200: ZProviderDetail, ...errorResponses } } },
    async (req) => registerProvider(req.ctx, req.body),
  )
  app.get(
    '/providers/directory',
    { schema: { tags, summary: '服务商名录（公开）', response: { 200: z.array(ZDirectoryEntry), ...errorResponses } } },
    async (req) => providerDirectory(req.ctx),
  )
  app.get(
    '/providers/:id',
    { schema: { tags, summary: '服务商详情', params: ZUuidParam, response: { 200: ZProviderDetail, ...errorResponses } } },
    async (req) => getProvider(req.ctx, req.params.id),
  )
  app.post(
    '/providers/:id/resubmit',
    { schema: { tags, summary: '修改后重新提交登记', params: ZUuidParam, body: ZResubmitProvider, response: { 200: ZProviderDetail, ...errorResponses } } },
    async (req) => resubmitProvider(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/providers/:id/review',
    { schema: { tags, summary: '审核服务商登记', params: ZUuidParam, body: ZReviewProvider, response: { 200: ZProviderDetail, ...errorResponses } } },
    async (req) => reviewProvider(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/providers/:id/status',
    { schema: { tags, summary: '暂停、恢复或退出', params: ZUuidParam, body: ZProviderStatusChange, response: { 200: ZProviderDetail, ...errorResponses } } },
    async (req) => changeProviderStatus(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/providers/:id/credit-records',
    { schema: { tags, summary: '信用记录', params: ZUuidParam, response: { 200: z.array(ZCreditRecord), ...errorResponses } } },
    async (req) => findCreditRecords(req.ctx, req.params.id),
  )
  app.post(
    '/providers/:id/credit-records',
    { schema: { tags, summary: '登记信用记录', params: ZUuidParam, body: ZCreditRecordInput, response: { 200: ZCreditRecord, ...errorResponses } } },
    async (req) => addCreditRecord(req.ctx, req.params.id, req.body),
  )

  app.get(
    '/caregivers',
    { schema: { tags, summary: '护理员列表', querystring: ZFindCaregivers, response: { 200: pageOf(ZCaregiverSummary), ...errorResponses } } },
    async (req) => findCaregivers(req.ctx, req.query),
  )
  app.post(
    '/caregivers',
    { schema: { tags, summary: '登记护理员', body: ZCreateCaregiver, response: { 200: ZCaregiverSummary, ...errorResponses } } },
    async (req) => createCaregiver(req.ctx, req.body),
  )
  app.get(
    '/caregivers/certificates/due',
    { schema: { tags, summary: '证书到期提醒（30天内）', querystring: ZPageQuery, response: { 200: pageOf(ZDueCertificate), ...errorResponses } } },
    async (req) => findDueCertificates(req.ctx, req.query),
  )
  app.get(
    '/caregivers/:id',
    { schema: { tags, summary: '护理员详情', params: ZUuidParam, response: { 200: ZCaregiverSummary, ...errorResponses } } },
    async (req) => getCaregiver(req.ctx, req.params.id),
  )
  app.post(
    '/caregivers/:id/certificates',
    { schema: { tags, summary: '登记证书', params: ZUuidParam, body: ZAddCertificate, response: { 200: ZCaregiverSummary, ...errorResponses } } },
    async (req) => addCertificate(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/caregivers/:id/background-check',
    { schema: { tags, summary: '登记背景审查结果', params: ZUuidParam, body: ZBackgroundCheck, response: { 200: ZCaregiverSummary, ...errorResponses } } },
    async (req) => recordBackgroundCheck(req.ctx, req.params.id, req.body),
  )
  await providerDocumentsRoutes(app, {})
}
