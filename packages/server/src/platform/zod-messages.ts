/**
 * Chinese validation messages with Chinese type names. zod's zhCN locale keeps the English type
 * names ("期望 string，实际接收 数字"); these messages replace the ones that would put an English
 * word or a raw code on a Chinese screen (issue 24 item 8). Issues not handled here fall back to
 * the zhCN locale.
 */
import { fieldLabel } from '@yiyang/core'
import type { z } from 'zod'

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值',
  undefined: '空值',
  nan: '非数字',
  file: '文件',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
  tuple: '列表',
  record: '对象',
  literal: '固定值',
  enum: '选项',
  union: '可选的值',
}

const typeName = (t: string | undefined) => (t && typeNames[t]) ?? '其他类型'

/** The type of a received value, named as typeNames does. */
function receivedType(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number'
  if (input instanceof Date) return 'date'
  return typeof input
}

const hasLatin = (s: string) => /[A-Za-z]/.test(s)

type TIssue = Parameters<z.core.$ZodErrorMap>[0]

export function zodMessage(iss: TIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '此项为必填项'
      return `应为${typeName(iss.expected)}，收到的是${typeName(receivedType(iss.input))}`
    case 'too_small': {
      const min = Number(iss.minimum)
      if (iss.origin === 'string') return min <= 1 ? '此项不能为空' : `至少 ${min} 个字`
      if (iss.origin === 'array' || iss.origin === 'set') return `至少选择 ${min} 项`
      return iss.inclusive === false ? `应大于 ${min}` : `应不小于 ${min}`
    }
    case 'too_big': {
      const max = Number(iss.maximum)
      if (iss.origin === 'string') return `最多 ${max} 个字`
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${max} 项`
      return iss.inclusive === false ? `应小于 ${max}` : `应不大于 ${max}`
    }
    case 'invalid_format':
      if (iss.format === 'regex') return '格式不正确'
      if (iss.format === 'date') return '日期格式不正确，应为“年-月-日”，如 2026-12-01'
      if (iss.format === 'datetime') return '时间格式不正确'
      if (iss.format === 'uuid' || iss.format === 'guid') return '编号格式不正确'
      if (iss.format === 'email') return '电子邮箱格式不正确'
      return '格式不正确'
    case 'invalid_value': {
      const values = (iss.values ?? []).map(String)
      return values.length && !values.some(hasLatin) ? `应为以下之一：${values.join('、')}` : '不是可选的值'
    }
    case 'unrecognized_keys':
      return `不认识的项：${iss.keys.map((k: string) => fieldLabel(k)).join('、')}`
    default:
      return undefined
  }
}
