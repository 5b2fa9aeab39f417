import { z } from 'zod'

const regionCode = z
  .string()
  .regex(/^\d{12}$/, '区划代码应为12位数字')
  .optional()

export const ZServiceCircleQuery = z.object({
  regionCode,
  minutes: z.coerce.number('分钟数应为整数').int('分钟数应为整数').min(5, '时间范围为 5 到 60 分钟').max(60, '时间范围为 5 到 60 分钟').default(15),
})
export type TServiceCircleQuery = z.infer<typeof ZServiceCircleQuery>

const ZPoint = z.object({ lat: z.number(), lng: z.number() })
const ZCount = z.object({
  elders: z.number().int(),
  located: z.number().int(),
  walk: z.number().int(),
  ebike: z.number().int(),
  walkPct: z.number(),
  ebikePct: z.number(),
})

export const ZServiceCircle = z.object({
  minutes: z.number().int(),
  /** Straight-line reach in metres per mode (travel time × speed ÷ detour), the radius the map draws. */
  reach: z.object({ walk: z.number().int(), ebike: z.number().int() }),
  sites: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['home_care', 'canteen']), lat: z.number(), lng: z.number() })),
  totals: ZCount,
  communities: z.array(
    ZCount.extend({
      code: z.string(),
      name: z.string(),
      streetName: z.string().nullable(),
      /** The mean of the community's located homes (an aggregate, never one home), or null. */
      centre: ZPoint.nullable(),
      uncovered: z.boolean(),
    }),
  ),
})
export type TServiceCircle = z.infer<typeof ZServiceCircle>

export const ZMapContext = z.object({
  tiles: z.object({
    url: z.string().nullable(),
    labelUrl: z.string().nullable(),
    subdomains: z.string(),
    attribution: z.string(),
    gcj02: z.boolean(),
  }),
  /** Outlines of the district and streets in scope (demo geography), WGS-84. */
  outlines: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), points: z.array(ZPoint) })),
  centre: ZPoint,
})
export type TMapContext = z.infer<typeof ZMapContext>
