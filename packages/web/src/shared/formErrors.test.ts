import { describe, expect, it } from 'vitest'
import type { FormInstance } from 'antd'
import { ApiError } from '../api/client'
import { applyServerError } from './formErrors'

function fakeForm(fields: string[]) {
  const set: { name: string; errors: string[] }[] = []
  const form = {
    getFieldsValue: () => Object.fromEntries(fields.map((f) => [f, undefined])),
    setFields: (list: { name: string; errors: string[] }[]) => set.push(...list),
  } as unknown as FormInstance
  return { form, set }
}

describe('applyServerError', () => {
  it('puts field errors on the matching form fields, ignoring a body. prefix', () => {
    const { form, set } = fakeForm(['username', 'password'])
    const messages: string[] = []
    const err = new ApiError({
      status: 409,
      code: 'DUPLICATE_USERNAME',
      message: '该用户名已被使用',
      fields: [{ path: 'body.username', message: '该用户名已被使用' }],
    })
    expect(applyServerError(err, form, (m) => messages.push(m))).toBe(true)
    expect(set).toEqual([{ name: 'username', errors: ['该用户名已被使用'] }])
    expect(messages).toEqual([])
  })

  it('falls back to a message for unknown fields and for errors without fields', () => {
    const { form } = fakeForm(['name'])
    const messages: string[] = []
    applyServerError(
      new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误', fields: [{ path: 'other', message: '不对' }] }),
      form,
      (m) => messages.push(m),
    )
    applyServerError(new ApiError({ status: 403, code: 'FORBIDDEN', message: '您没有执行此操作的权限' }), form, (m) => messages.push(m))
    expect(messages).toEqual(['不对', '您没有执行此操作的权限'])
  })
})
