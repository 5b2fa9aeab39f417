import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { errorResponses, ZOk, ZUuidParam } from '../../platform/http.js'
import { pageOf } from '../../platform/list.js'
import { addEditionItem } from './add-edition-item.js'
import {
  ZAddItem,
  ZCreateEdition,
  ZDiff,
  ZDiffQuery,
  ZDiscard,
  ZEdition,
  ZFindEditions,
  ZFindItems,
  ZItem,
  ZItemCodeParam,
  ZPublicCatalog,
  ZPublicQuery,
  ZPublicRegions,
  ZPublish,
  ZRemoveItem,
  ZUpdateItem,
} from './catalog.schemas.js'
import { createEdition } from './create-edition.js'
import { diffEditions } from './diff-editions.js'
import { discardEdition } from './discard-edition.js'
import { exportEdition } from './export-edition.js'
import { findEditionItems } from './find-edition-items.js'
import { findEditions } from './find-editions.js'
import { findPublicCatalog, findPublicCatalogRegions } from './find-public-catalog.js'
import { getEdition } from './get-edition.js'
import { publishEdition } from './publish-edition.js'
import { removeEditionItem } from './remove-edition-item.js'
import { updateEditionItem } from './update-edition-item.js'

const tags = ['catalog']
/** The public list is read by anyone: limited per IP so it cannot be scraped in a loop. */
const publicRate = { rateLimit: { max: 120, timeWindow: '1 minute' } }

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalog/editions',
    { schema: { tags, summary: '服务清单版本（本辖区及上级发布的）', querystring: ZFindEditions, response: { 200: pageOf(ZEdition), ...errorResponses } } },
    async (req) => findEditions(req.ctx, req.query),
  )
  app.post(
    '/catalog/editions',
    { schema: { tags, summary: '新建草稿版本（可基于已发布版本复制）', body: ZCreateEdition, response: { 200: ZEdition, ...errorResponses } } },
    async (req) => createEdition(req.ctx, req.body),
  )
  app.get(
    '/catalog/editions/:id',
    { schema: { tags, summary: '服务清单版本详情', params: ZUuidParam, response: { 200: ZEdition, ...errorResponses } } },
    async (req) => getEdition(req.ctx, req.params.id),
  )
  app.get(
    '/catalog/editions/:id/items',
    {
      schema: {
        tags,
        summary: '版本中的服务项目（按名称、编码、类别搜索）',
        params: ZUuidParam,
        querystring: ZFindItems,
        response: { 200: pageOf(ZItem), ...errorResponses },
      },
    },
    async (req) => findEditionItems(req.ctx, req.params.id, req.query),
  )
  app.post(
    '/catalog/editions/:id/items',
    { schema: { tags, summary: '草稿中新增项目（附变更原因）', params: ZUuidParam, body: ZAddItem, response: { 200: ZItem, ...errorResponses } } },
    async (req) => addEditionItem(req.ctx, req.params.id, req.body),
  )
  app.put(
    '/catalog/editions/:id/items/:code',
    { schema: { tags, summary: '草稿中调整项目（附变更原因）', params: ZItemCodeParam, body: ZUpdateItem, response: { 200: ZItem, ...errorResponses } } },
    async (req) => updateEditionItem(req.ctx, req.params.id, req.params.code, req.body),
  )
  app.post(
    '/catalog/editions/:id/items/:code/remove',
    { schema: { tags, summary: '草稿中删除项目（附变更原因）', params: ZItemCodeParam, body: ZRemoveItem, response: { 200: ZOk, ...errorResponses } } },
    async (req) => removeEditionItem(req.ctx, req.params.id, req.params.code, req.body),
  )
  app.post(
    '/catalog/editions/:id/publish',
    { schema: { tags, summary: '发布（设定生效日期；发布后不可修改）', params: ZUuidParam, body: ZPublish, response: { 200: ZEdition, ...errorResponses } } },
    async (req) => publishEdition(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/catalog/editions/:id/discard',
    { schema: { tags, summary: '作废草稿', params: ZUuidParam, body: ZDiscard, response: { 200: ZEdition, ...errorResponses } } },
    async (req) => discardEdition(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/catalog/diff',
    { schema: { tags, summary: '两个版本的差异（新增、删除、调整及原因）', querystring: ZDiffQuery, response: { 200: ZDiff, ...errorResponses } } },
    async (req) => diffEditions(req.ctx, req.query),
  )
  // Exports are POST and audited, like every other file export.
  app.post(
    '/catalog/editions/:id/export.xlsx',
    { config: { isRead: true }, schema: { tags, summary: '导出服务清单（Excel）', params: ZUuidParam } },
    async (req, reply) => {
      const { buffer, filename } = await exportEdition(req.ctx, req.params.id)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="catalog.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(buffer)
    },
  )

  // Public (portal, no login): the list in force today; never a draft, nothing about staff.
  app.get(
    '/public/catalog',
    {
      config: publicRate,
      schema: {
        tags,
        summary: '公开：现行服务清单（无需登录）',
        security: [],
        querystring: ZPublicQuery,
        response: { 200: ZPublicCatalog, ...errorResponses },
      },
    },
    async (req) => findPublicCatalog(req.ctx, req.query),
  )
  app.get(
    '/public/catalog/regions',
    { config: publicRate, schema: { tags, summary: '公开：发布了现行服务清单的区划', security: [], response: { 200: ZPublicRegions, ...errorResponses } } },
    async (req) => findPublicCatalogRegions(req.ctx),
  )
}
