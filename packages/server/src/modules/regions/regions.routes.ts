import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponses } from '../../platform/http.js'
import { getRegionTree } from './get-region-tree.js'
import { getRegionWithChildren } from './get-region.js'
import type { TRegionNode } from './regions.repo.js'

const ZLevel = z.enum(['province', 'prefecture', 'county', 'township', 'village'])
const ZRegionNode: z.ZodType<TRegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: ZLevel, isDemoCode: z.boolean(), children: z.array(ZRegionNode) }),
)
// A recursive schema needs a name in the OpenAPI document: without one the generator emitted a
// $ref to '#/components/schemas/schema0' that did not exist (issue 16). app.ts publishes every
// schema registered with an id under components.schemas (jsonSchemaTransformObject).
if (!z.globalRegistry.has(ZRegionNode)) z.globalRegistry.add(ZRegionNode, { id: 'RegionNode' })
const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: ZLevel,
  parentCode: z.string().nullable(),
  kind: z.string().nullable(),
  isDemoCode: z.boolean(),
})

export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/tree',
    {
      schema: { tags: ['regions'], summary: '本人管辖范围内的行政区划树', response: { 200: z.object({ items: z.array(ZRegionNode) }), ...errorResponses } },
    },
    async (req) => ({ items: await getRegionTree(req.ctx) }),
  )

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '区划及其下级',
        params: z.object({ code: z.string().regex(/^\d{12}$/, '区划代码应为12位数字') }),
        response: { 200: ZRegion.extend({ children: z.array(ZRegion) }), ...errorResponses },
      },
    },
    async (req) => getRegionWithChildren(req.ctx, req.params.code),
  )
}
