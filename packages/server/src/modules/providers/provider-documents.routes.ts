import { PROVIDER_DOCUMENT_MAX_BYTES } from '@yiyang/core'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { errorResponses, ZUuidParam } from '../../platform/http.js'
import { requirePermission } from '../../platform/permissions.js'
import { deleteProviderDocument } from './delete-provider-document.js'
import { downloadProviderDocument } from './download-provider-document.js'
import { findProviderDocuments } from './find-provider-documents.js'
import { ZDocumentParams, ZDocumentUploadQuery, ZProviderDocument } from './provider-documents.schemas.js'
import { uploadProviderDocument } from './upload-provider-document.js'

const tags = ['providers']

/** 资质文件: list, upload (multipart, field file), download and delete, all through the provider's scoped read. */
export const providerDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/providers/:id/documents',
    { schema: { tags, summary: '资质文件列表', params: ZUuidParam, response: { 200: z.array(ZProviderDocument), ...errorResponses } } },
    async (req) => findProviderDocuments(req.ctx, req.params.id),
  )
  app.post(
    '/providers/:id/documents',
    {
      bodyLimit: PROVIDER_DOCUMENT_MAX_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: '上传资质文件（multipart，字段 file；PDF/JPEG/PNG，不超过 10 MB）',
        params: ZUuidParam,
        querystring: ZDocumentUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZProviderDocument, ...errorResponses },
      },
    },
    async (req) => {
      requirePermission(req.ctx.actor, 'provider:register')
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', [{ path: 'file', message: '请选择文件' }])
      const part = await req.file({ limits: { fileSize: PROVIDER_DOCUMENT_MAX_BYTES, files: 1 } })
      if (!part) throw new AppError('VALIDATION_FAILED', '请选择文件', [{ path: 'file', message: '请选择文件' }])
      return uploadProviderDocument(req.ctx, req.params.id, req.query, { mimetype: part.mimetype, stream: part.file })
    },
  )
  app.get('/providers/:id/documents/:documentId', { schema: { tags, summary: '下载资质文件', params: ZDocumentParams } }, async (req, reply) => {
    const d = await downloadProviderDocument(req.ctx, req.params.id, req.params.documentId)
    return reply
      .type(d.type)
      .header('cache-control', 'private, no-store')
      .header('content-length', d.size)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(d.filename)}`)
      .send(d.stream)
  })
  app.delete(
    '/providers/:id/documents/:documentId',
    { schema: { tags, summary: '删除资质文件', params: ZDocumentParams, response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses } } },
    async (req) => deleteProviderDocument(req.ctx, req.params.id, req.params.documentId),
  )
}
