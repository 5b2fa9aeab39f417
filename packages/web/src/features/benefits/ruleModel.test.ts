import { programmeFields, validateProgramme, validateRule, type TProgramme } from '@yiyang/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cleanAmount,
  cleanRule,
  defaultGroupLabels,
  isNode,
  newGroup,
  readGroup,
  switchKind,
  withChildren,
  type GroupKind,
  type RuleNodeObject,
} from './ruleModel'

/** What the form does to a rule it shows and the user leaves alone: every group read and written back. */
function throughForm(node: unknown, path = 'eligibility'): unknown {
  if (!isNode(node)) return node
  const group = readGroup(node, path)
  if (!group) return node
  return withChildren(
    node,
    group,
    group.children.map((c, i) => throughForm(c, group.childPath(i))),
  )
}

const label = fc.constantFrom('在册', '满足其中任一项', '不是特困人员', '年满80周岁')
const withLabel = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.option(label, { nil: undefined })).map(([n, l]) => (l === undefined ? n : { ...n, label: l }))
const condition = withLabel(
  fc.oneof(
    fc.record({ field: fc.constant('age'), op: fc.constantFrom('gte', 'lt', 'eq'), value: fc.integer({ min: 0, max: 120 }) }),
    fc.record({ field: fc.constant('abilityLevel'), op: fc.constant('in'), value: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1 }) }),
    fc.record({ field: fc.constant('abilityLevel'), op: fc.constant('isNull') }),
    fc.record({ field: fc.constant('hukou'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom('local', 'non_local') }),
    fc.record({
      field: fc.constant('categories'),
      op: fc.constant('contains'),
      value: fc.uniqueArray(fc.constantFrom('destitute', 'min_subsistence', 'centralized_support', 'severe_disability'), { minLength: 1 }),
    }),
  ),
)
const { rule } = fc.letrec<{ rule: object }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    withLabel(fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) })),
    withLabel(fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) })),
    withLabel(fc.record({ not: tie('rule') })),
  ),
}))

describe('the rule form model', () => {
  it('gives back every rule core accepts unchanged, nested groups and labels included', () => {
    fc.assert(
      fc.property(rule, (r) => {
        fc.pre(validateRule(r, programmeFields).ok)
        expect(throughForm(r)).toEqual(r)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the inner label of a not over a labelled any, and a not over all', () => {
    const labelled = { not: { any: [{ field: 'age', op: 'lt', value: 60 }], label: '未满60周岁' }, label: '并非未满60周岁' }
    expect(throughForm(labelled)).toEqual(labelled)
    const overAll = {
      not: {
        all: [
          { field: 'hukou', op: 'eq', value: 'local' },
          { field: 'age', op: 'gte', value: 80 },
        ],
      },
    }
    expect(throughForm(overAll)).toEqual(overAll)
  })

  it('writes only rules core accepts, whatever kinds, children and labels the user picks', () => {
    type Op = { at: number; kind: 'addCondition' | 'addGroup' | 'switch' | 'remove' | 'label'; to: GroupKind; text: string }
    const op = fc.record({
      at: fc.nat(20),
      kind: fc.constantFrom<Op['kind']>('addCondition', 'addGroup', 'switch', 'remove', 'label'),
      to: fc.constantFrom<GroupKind>('all', 'any', 'none'),
      // Blank and padded labels too: the form saves them trimmed, or without a label.
      text: fc.constantFrom('', ' ', '  满足其中任一项 ', '年满80周岁', '　'),
    })
    /** Applies one edit to the at-th group (depth-first) of the tree. */
    function apply(root: RuleNodeObject, o: Op): RuleNodeObject {
      let n = 0
      const visit = (node: unknown, path: string, depth: number): unknown => {
        if (!isNode(node)) return node
        const group = readGroup(node, path)
        if (!group) return node
        const children = group.children.map((c, i) => visit(c, group.childPath(i), depth + 1))
        const self = withChildren(node, group, children)
        if (n++ !== o.at) return self
        const g = readGroup(self, path)!
        switch (o.kind) {
          case 'addCondition':
            return withChildren(self, g, [...g.children, { field: 'age', op: 'gte', value: 60 }])
          case 'addGroup':
            return depth < 3 ? withChildren(self, g, [...g.children, newGroup(true)]) : self
          case 'switch':
            return switchKind(self, g, o.to)
          case 'remove':
            return g.children.length > 1 ? withChildren(self, g, g.children.slice(1)) : self
          case 'label': {
            if (depth === 0) return self
            const { label: _old, ...rest } = self
            return o.text ? { ...rest, label: o.text } : rest
          }
        }
      }
      return visit(root, 'eligibility', 0) as RuleNodeObject
    }
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        let r: RuleNodeObject = { all: [{ field: 'status', op: 'eq', value: 'active', label: '在册' }] }
        for (const o of ops) r = apply(r, o)
        const saved = cleanRule(r)
        expect(validateRule(saved, programmeFields)).toMatchObject({ ok: true })
        // Saved and shown again, the rule is what was saved.
        expect(throughForm(saved)).toEqual(saved)
      }),
      { numRuns: 400 },
    )
  })

  it('a new group switched to another kind reads its own default label, not 满足其中任一项', () => {
    const g = newGroup(true)
    const all = switchKind(g, readGroup(g, 'x')!, 'all')
    expect(all).toEqual({ all: [{ field: 'age', op: 'gte', value: 60 }], label: defaultGroupLabels.all })
    const none = switchKind(all, readGroup(all, 'x')!, 'none')
    expect(none).toEqual({ not: { field: 'age', op: 'gte', value: 60 }, label: defaultGroupLabels.none })
    // A label the user wrote stays as written.
    const own = switchKind({ ...g, label: '低保或特困' }, readGroup(g, 'x')!, 'all')
    expect(own.label).toBe('低保或特困')
    // Inside amount tiers (no clause text there) a new group has no label.
    expect(newGroup(false)).not.toHaveProperty('label')
  })

  it('saves 高龄津贴 with a nested group and a blank label, and reads the same rule back', () => {
    const gaoling: TProgramme = {
      code: 'gaoling',
      name: '高龄津贴',
      delivery: 'cash',
      group: null,
      eligibility: {
        all: [
          { field: 'status', op: 'eq', value: 'active', label: '在册' },
          { field: 'age', op: 'gte', value: 80, label: '年满80周岁' },
        ],
      },
      amount: {
        pick: 'first',
        tiers: [
          { when: { any: [{ field: 'age', op: 'gte', value: 100 }, { not: { field: 'hukou', op: 'eq', value: 'local' } }] }, amountFen: 60000 },
          { amountFen: 10000 },
        ],
      },
      needsAssessment: false,
      homeVerification: true,
      notice: { enabled: true, days: 7 },
      deadlines: { accept: 3 },
      fundSource: 'fiscal',
      reviewCycleMonths: 12,
      summary: '年满80周岁的老年人按月领取高龄津贴。',
      basis: '',
    }
    const root = gaoling.eligibility as unknown as RuleNodeObject
    const g = readGroup(root, 'eligibility')!
    // 添加条件组, then inside it another group switched to 都不满足 with a blank label typed.
    const inner = { ...switchKind(newGroup(true), readGroup(newGroup(true), 'x')!, 'none'), label: '   ' }
    const outer = withChildren(newGroup(true), readGroup(newGroup(true), 'x')!, [{ field: 'hukou', op: 'eq', value: 'local' }, inner])
    const edited = withChildren(root, g, [...g.children, outer])
    const draft = { ...gaoling, eligibility: cleanRule(edited), amount: cleanAmount(gaoling.amount) }
    const v = validateProgramme(JSON.parse(JSON.stringify(draft)))
    expect(v).toMatchObject({ ok: true })
    // What the server stores is what the form shows next time, unchanged.
    const stored = JSON.parse(JSON.stringify(draft)) as typeof draft
    expect(throughForm(stored.eligibility)).toEqual(stored.eligibility)
    expect((stored.eligibility as { all: unknown[] }).all[2]).toEqual({
      any: [{ field: 'hukou', op: 'eq', value: 'local' }, { not: { field: 'age', op: 'gte', value: 60 } }],
      label: '满足其中任一项',
    })
    expect(throughForm((stored.amount as TProgramme['amount']).tiers[0]!.when, 'amount.tiers[0].when')).toEqual(gaoling.amount.tiers[0]!.when)
  })
})
