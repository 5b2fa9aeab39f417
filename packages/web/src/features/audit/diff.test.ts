import { describe, expect, it } from 'vitest'
import { diffSnapshots, displayValue } from './diff'

describe('audit before/after diff', () => {
  it('lists changed fields first and counts them', () => {
    const d = diffSnapshots({ displayName: '张三', role: 'assessor', isActive: true }, { displayName: '张三', role: 'street_officer', isActive: false })
    expect(d.kind).toBe('changed')
    expect(d.changedCount).toBe(2)
    expect(d.rows.map((r) => r.key)).toEqual(['role', 'isActive', 'displayName'])
    expect(d.rows[0]).toMatchObject({ before: '评估员', after: '街道(乡镇)工作人员', changed: true })
    expect(d.rows[1]).toMatchObject({ before: '是', after: '否' })
  })

  it('recognises creation, removal and no snapshot at all', () => {
    expect(diffSnapshots(null, { name: '网关' }).kind).toBe('created')
    expect(diffSnapshots({ name: '网关' }, null).kind).toBe('removed')
    expect(diffSnapshots(null, undefined).kind).toBe('none')
    expect(diffSnapshots({ a: 1 }, { a: 1 }).kind).toBe('unchanged')
  })

  it('formats values for people', () => {
    expect(displayValue('phone', null)).toBe('（空）')
    expect(displayValue('lastLoginAt', '2026-01-31T16:30:00Z')).toBe('2026-02-01 00:30:00')
    expect(displayValue('meta', { note: 'x', hasVisitPlan: true })).toBe('备注：x；探访计划：是')
  })

  it("shows an elder's changes in Chinese: field names and coded values (issue 24 item 8)", () => {
    const d = diffSnapshots(
      { livingArrangement: 'with_children', status: 'active', categories: ['min_subsistence'], hukou: 'local' },
      { livingArrangement: 'living_alone', status: 'moved_out', categories: ['min_subsistence', 'disabled'], hukou: 'local' },
      'elder',
    )
    const byKey = Object.fromEntries(d.rows.map((r) => [r.key, r]))
    expect(byKey.livingArrangement).toMatchObject({ label: '居住情况', before: '与子女同住', after: '独居' })
    expect(byKey.status).toMatchObject({ label: '状态', before: '在册', after: '迁出' })
    expect(byKey.categories).toMatchObject({ label: '老年人类别', before: '低保', after: '低保、残疾' })
    expect(byKey.hukou.before).toBe('本地户籍')
    for (const r of d.rows) expect(`${r.label}${r.before}${r.after}`).not.toMatch(/[A-Za-z]/)
  })

  it('names assessment statuses and levels by the standard', () => {
    const d = diffSnapshots(
      { status: 'reviewed', finalLevel: null, scale: 'gbt42195_2022' },
      { status: 'effective', finalLevel: 1, scale: 'gbt42195_2022' },
      'assessment',
    )
    const byKey = Object.fromEntries(d.rows.map((r) => [r.key, r]))
    expect(byKey.status).toMatchObject({ before: '审核通过', after: '已生效' })
    expect(byKey.finalLevel).toMatchObject({ label: '最终等级', after: '1 级 能力轻度受损' })
  })
})
