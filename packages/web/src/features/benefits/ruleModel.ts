/**
 * The programme rule form's model, without components (RuleForm.tsx draws it): how a node of
 * core's rule language reads as a group of the form and is written back, so that any rule core
 * accepts (nested all / any / not, labels at every level, amount tiers) goes through the form and
 * comes back unchanged, and whatever the form writes is a rule core accepts (ruleModel.test.ts).
 */

export type RuleNodeObject = Record<string, unknown>
export type GroupKind = 'all' | 'any' | 'none'
/**
 * How a `none` group (都不满足) is stored: `{ not: X }` around its one child, or
 * `{ not: { any: [...] } }` around several. Kept from the rule as read so an untouched group is
 * written back as it came.
 */
export type NoneShape = 'direct' | 'any'
export type Group = { kind: GroupKind; children: unknown[]; childPath: (i: number) => string; shape: NoneShape }

/** Core's limit on a label (worklist-rules MAX_LABEL); the inputs stop there. */
export const MAX_LABEL = 80

export const groupKindLabels: Record<GroupKind, string> = { all: '全部满足', any: '满足任一', none: '都不满足' }
/** The clause text a new group gets, one per kind, so that switching the kind keeps it true. */
export const defaultGroupLabels: Record<GroupKind, string> = { all: '同时满足以下各项', any: '满足其中任一项', none: '不属于以下任一情形' }

export const isNode = (v: unknown): v is RuleNodeObject => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUnlabelledAny = (v: unknown): v is RuleNodeObject & { any: unknown[] } =>
  isNode(v) && Array.isArray(v.any) && !('label' in v) && Object.keys(v).length === 1

export const defaultCondition = (): RuleNodeObject => ({ field: 'age', op: 'gte', value: 60 })
/** A new nested group; inside amount tiers (no clause texts there) it carries no label. */
export const newGroup = (withLabel: boolean): RuleNodeObject =>
  withLabel ? { any: [defaultCondition()], label: defaultGroupLabels.any } : { any: [defaultCondition()] }

/** The node as a group of the form, or null when it is a condition (or not a rule node at all). */
export function readGroup(node: RuleNodeObject, path: string): Group | null {
  if (Array.isArray(node.all)) return { kind: 'all', children: node.all, childPath: (i) => `${path}.all[${i}]`, shape: 'any' }
  if (Array.isArray(node.any)) return { kind: 'any', children: node.any, childPath: (i) => `${path}.any[${i}]`, shape: 'any' }
  if ('not' in node) {
    const inner = node.not
    // `{ not: { any: [...] } }` lists its children; a labelled or other inner node is one child.
    if (isUnlabelledAny(inner)) return { kind: 'none', children: inner.any, childPath: (i) => `${path}.not.any[${i}]`, shape: 'any' }
    return { kind: 'none', children: [inner], childPath: () => `${path}.not`, shape: 'direct' }
  }
  return null
}

/** The group as a node, with its label (dropped when empty). */
export function writeGroup(kind: GroupKind, children: unknown[], label: unknown, shape: NoneShape = 'direct'): RuleNodeObject {
  const withLabel = (n: RuleNodeObject) => (typeof label === 'string' && label !== '' ? { ...n, label } : n)
  if (kind === 'all') return withLabel({ all: children })
  if (kind === 'any') return withLabel({ any: children })
  // One child goes straight under `not` unless it is itself an unlabelled any (that would read
  // back as its own children) or the group was stored as `not any` already.
  const direct = children.length === 1 && shape === 'direct' && !isUnlabelledAny(children[0])
  return withLabel(direct ? { not: children[0] } : { not: { any: children } })
}

/**
 * Switching a group's kind: the children stay; a label that is still the default of the old kind
 * becomes the default of the new one (a clause reading 满足其中任一项 over an all-group would lie).
 */
export function switchKind(node: RuleNodeObject, group: Group, kind: GroupKind): RuleNodeObject {
  const label = node.label === defaultGroupLabels[group.kind] ? defaultGroupLabels[kind] : node.label
  return writeGroup(kind, group.children, label, kind === 'none' && group.children.length === 1 ? 'direct' : 'any')
}

/** The group with its children replaced (edited, added, removed), kind and label kept. */
export function withChildren(node: RuleNodeObject, group: Group, children: unknown[]): RuleNodeObject {
  return writeGroup(group.kind, children, node.label, group.shape)
}

/**
 * What the form saves: labels trimmed, and a label left blank (or only spaces) removed rather than
 * sent, since core refuses an empty one. Everything else is kept as it is.
 */
export function cleanRule(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanRule)
  if (!isNode(node)) return node
  const out: RuleNodeObject = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === 'label') {
      if (typeof v === 'string') {
        const t = v.trim()
        if (t !== '') out.label = t
      } else if (v !== undefined) out.label = v
    } else if (k === 'value') out.value = v
    else out[k] = cleanRule(v)
  }
  return out
}

/** The amount rule as saved: each tier's condition cleaned like an eligibility rule. */
export function cleanAmount(amount: unknown): unknown {
  if (!isNode(amount) || !Array.isArray(amount.tiers)) return amount
  return { ...amount, tiers: amount.tiers.map((t: unknown) => (isNode(t) && t.when !== undefined ? { ...t, when: cleanRule(t.when) } : t)) }
}
