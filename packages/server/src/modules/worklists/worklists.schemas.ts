import { worklistItemStatuses } from '@yiyang/core'
import { ZPageQuery } from '../../platform/list.js'
import { z } from 'zod'

export const ZRuleInput = z.object({
  name: z.string().trim().min(2, '请填写名称').max(50),
  description: z.string().trim().max(200).default(''),
  rule: z.unknown(),
  reappearAfterDays: z.number().int().min(1, '至少1天').max(3650),
  isActive: z.boolean().default(true),
})
export const ZCreateRule = ZRuleInput.extend({ id: z.string().regex(/^[a-z][a-z0-9_]{2,60}$/, '编号只能用小写字母、数字和下划线，以字母开头') })
export const ZUpdateRule = ZRuleInput.partial().extend({ version: z.number().int().min(1) })

export const ZRule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rule: z.unknown(),
  ruleText: z.string(),
  reappearAfterDays: z.number(),
  isActive: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  counts: z.object({ open: z.number(), assigned: z.number(), handled: z.number(), resolved: z.number() }),
})

export const ZFindItems = ZPageQuery.extend({
  ruleId: z.string().max(64).optional(),
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(worklistItemStatuses))).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  mine: z.enum(['true', 'false']).optional(),
})
export type TFindItems = z.infer<typeof ZFindItems>

export const ZItem = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  elderId: z.string(),
  status: z.enum(worklistItemStatuses),
  explanation: z.string(),
  regionCode: z.string(),
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
  handledNote: z.string().nullable(),
  handledAt: z.string().nullable(),
  reappearOn: z.string().nullable(),
  timesReopened: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  elder: z
    .object({
      name: z.string(),
      idNumber: z.string(),
      age: z.number(),
      sex: z.string(),
      regionName: z.string().nullable(),
      categories: z.array(z.string()),
      livingArrangement: z.string(),
    })
    .nullable(),
})

export const ZAssign = z.object({ assigneeId: z.uuid().optional() })
export const ZHandle = z.object({ note: z.string().trim().min(2, '请填写处理情况').max(500) })
