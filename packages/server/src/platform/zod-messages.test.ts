import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodMessage } from './zod-messages.js'

z.config(z.locales.zhCN())
z.config({ customError: zodMessage })

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}

describe('validation messages', () => {
  it('name types in Chinese, never "期望 string"', () => {
    expect(messages(z.string(), 5)).toEqual(['应为文本，收到的是数字'])
    expect(messages(z.number(), 'x')).toEqual(['应为数字，收到的是文本'])
    expect(messages(z.boolean(), null)).toEqual(['应为是或否，收到的是空值'])
    expect(messages(z.array(z.string()), 'x')).toEqual(['应为列表，收到的是文本'])
    expect(messages(z.object({ a: z.string() }), {})).toEqual(['此项为必填项'])
  })

  it('says sizes, formats, options and unknown fields in Chinese', () => {
    const schema = z
      .object({
        name: z.string().min(2),
        age: z.number().max(150),
        tags: z.array(z.string()).min(1),
        code: z.string().regex(/^\d+$/),
        when: z.iso.date(),
        id: z.uuid(),
        n: z.int(),
        kind: z.enum(['living_alone', 'other']),
        sex: z.enum(['男', '女']),
        note: z.string().max(3),
      })
      .strict()
    const all = messages(schema, {
      name: 'x',
      age: 200,
      tags: [],
      code: 'a',
      when: 'x',
      id: 'x',
      n: 1.5,
      kind: 'q',
      sex: 'x',
      note: 'abcd',
      livingArrangement: 1,
    })
    expect(all).toEqual([
      '至少 2 个字',
      '应不大于 150',
      '至少选择 1 项',
      '格式不正确',
      '日期格式不正确，应为“年-月-日”，如 2026-12-01',
      '编号格式不正确',
      '应为整数，收到的是数字',
      '不是可选的值',
      '应为以下之一：男、女',
      '最多 3 个字',
      '不认识的项：居住情况',
    ])
    for (const m of all) expect(m).not.toMatch(/[A-Za-z]/)
  })
})
