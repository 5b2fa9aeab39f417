import {
  amountPickLabels,
  amountPicks,
  describeRule,
  programmeFields,
  ruleOpFieldTypes,
  ruleOpLabels,
  ruleOps,
  type TRule,
  type TRuleError,
  type TRuleOp,
} from '@yiyang/core'
import { DeleteOutlined } from '@ant-design/icons'
import { Alert, Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd'
import {
  defaultCondition,
  groupKindLabels,
  isNode,
  MAX_LABEL,
  newGroup,
  readGroup,
  switchKind,
  withChildren,
  type GroupKind,
  type RuleNodeObject,
} from './ruleModel'

/**
 * The form builder of a programme's rules (issue 17 item 2): the eligibility rule as clauses in
 * groups (全部满足 / 任一满足 / 都不满足), the amount tiers as a table in 元. It edits the same
 * JSON the 高级（JSON） box shows, in the one rule language of core; errors come from core's
 * validateProgramme by path and are shown next to the control they belong to. How nodes read as
 * groups and are written back is ruleModel.ts (tested without components).
 */
type Node = RuleNodeObject
type FieldCode = keyof typeof programmeFields

const MAX_GROUP_DEPTH = 2

/** Core messages name codes in hints meant for JSON authors; the form shows plain Chinese. */
function plain(message: string): string {
  return message
    .replace(/（可选：[^）]*）/g, '')
    .replace(/^(all|any) 至少需要一个条件$/, '此条件组至少需要一个条件')
    .replace(/^(all|any) 必须是条件数组$/, '此条件组的内容有误')
    .replace(/（[a-zA-Z]+）$/, '')
}

function ErrorText({ errors, path }: { errors: readonly TRuleError[]; path: string }) {
  const list = errors.filter((e) => e.path === path || e.path === `${path}.(根)`)
  if (list.length === 0) return null
  return (
    <div className="yy-rule-error" role="alert">
      {list.map((e, i) => (
        <div key={i}>{plain(e.message)}</div>
      ))}
    </div>
  )
}
const hasError = (errors: readonly TRuleError[], path: string) => errors.some((e) => e.path === path)

const fieldOptions = (Object.keys(programmeFields) as FieldCode[]).map((f) => ({ value: f, label: programmeFields[f].label }))
const opsFor = (field: string): TRuleOp[] => {
  const type = programmeFields[field as FieldCode]?.type
  return type ? ruleOps.filter((o) => ruleOpFieldTypes[o].includes(type)) : []
}
const listOp = (op: unknown) => op === 'in' || op === 'contains'

function ValueInput({ node, onChange, name, invalid }: { node: Node; onChange: (v: unknown) => void; name: string; invalid: boolean }) {
  const field = programmeFields[node.field as FieldCode] as (typeof programmeFields)[FieldCode] | undefined
  const status = invalid ? 'error' : undefined
  if (!field || node.op === 'isNull') return null
  const values = 'values' in field ? (field.values as Record<string, string>) : undefined
  if (values) {
    const options = Object.entries(values).map(([value, label]) => ({ value, label }))
    return listOp(node.op) ? (
      <Select
        mode="multiple"
        aria-label={`${name}取值`}
        status={status}
        placeholder="请选择"
        style={{ minWidth: 220, flex: '1 1 220px' }}
        value={Array.isArray(node.value) ? node.value : typeof node.value === 'string' ? [node.value] : []}
        onChange={(v) => onChange(v)}
        options={options}
      />
    ) : (
      <Select
        aria-label={`${name}取值`}
        status={status}
        placeholder="请选择"
        style={{ minWidth: 140 }}
        value={typeof node.value === 'string' ? node.value : undefined}
        onChange={(v) => onChange(v)}
        options={options}
      />
    )
  }
  if (field.type === 'number') {
    if (listOp(node.op))
      return (
        <Input
          aria-label={`${name}取值`}
          status={status}
          placeholder="多个数字用逗号分隔"
          style={{ width: 180 }}
          value={Array.isArray(node.value) ? node.value.join('，') : ''}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(/[,，、\s]+/)
                .filter(Boolean)
                .map(Number),
            )
          }
        />
      )
    return (
      <InputNumber
        aria-label={`${name}取值`}
        status={status}
        style={{ width: 120 }}
        value={typeof node.value === 'number' ? node.value : null}
        onChange={(v) => onChange(v ?? undefined)}
        suffix={'unit' in field ? field.unit : undefined}
      />
    )
  }
  return <Input aria-label={`${name}取值`} status={status} style={{ width: 160 }} value={String(node.value ?? '')} onChange={(e) => onChange(e.target.value)} />
}

function ConditionRow({
  node,
  path,
  name,
  errors,
  onChange,
  onRemove,
  showLabel,
}: {
  node: Node
  path: string
  name: string
  errors: readonly TRuleError[]
  onChange: (n: Node) => void
  onRemove?: () => void
  showLabel: boolean
}) {
  const ops = opsFor(String(node.field))
  const setOp = (op: TRuleOp) => {
    const next: Node = { ...node, op }
    if (op === 'isNull') delete next.value
    else if (listOp(op) && !Array.isArray(node.value)) next.value = node.value === undefined || node.value === null ? [] : [node.value]
    else if (!listOp(op) && Array.isArray(node.value)) next.value = node.value[0]
    onChange(next)
  }
  return (
    <div className="yy-rule-row">
      <Space wrap size={8} align="start" style={{ width: '100%' }}>
        <Select
          aria-label={`${name}字段`}
          status={hasError(errors, `${path}.field`) ? 'error' : undefined}
          style={{ width: 160 }}
          value={typeof node.field === 'string' && node.field in programmeFields ? node.field : undefined}
          placeholder="选择字段"
          options={fieldOptions}
          onChange={(field: string) => {
            const op = opsFor(field)[0] ?? 'eq'
            const { label } = node
            onChange({ field, op, ...(op === 'isNull' ? {} : { value: listOp(op) ? [] : undefined }), ...(label ? { label } : {}) })
          }}
        />
        <Select
          aria-label={`${name}运算`}
          status={hasError(errors, `${path}.op`) ? 'error' : undefined}
          style={{ width: 130 }}
          value={ops.includes(node.op as TRuleOp) ? (node.op as TRuleOp) : undefined}
          placeholder="选择运算"
          options={ops.map((o) => ({ value: o, label: ruleOpLabels[o] }))}
          onChange={setOp}
        />
        <ValueInput node={node} name={name} invalid={hasError(errors, `${path}.value`)} onChange={(value) => onChange({ ...node, value })} />
        {onRemove ? <Button aria-label={`删除${name}`} title={`删除${name}`} icon={<DeleteOutlined />} onClick={onRemove} /> : null}
      </Space>
      {showLabel ? (
        <Input
          aria-label={`${name}中文说明`}
          className="yy-rule-label"
          maxLength={MAX_LABEL}
          status={hasError(errors, `${path}.label`) ? 'error' : undefined}
          placeholder={`中文说明（留空则显示：${describeRule(node as TRule, programmeFields)}）`}
          value={typeof node.label === 'string' ? node.label : ''}
          onChange={(e) => {
            const { label: _old, ...rest } = node
            onChange(e.target.value ? { ...rest, label: e.target.value } : rest)
          }}
        />
      ) : null}
      <ErrorText errors={errors} path={`${path}.field`} />
      <ErrorText errors={errors} path={`${path}.op`} />
      <ErrorText errors={errors} path={`${path}.value`} />
      <ErrorText errors={errors} path={`${path}.label`} />
      <ErrorText errors={errors} path={path} />
    </div>
  )
}

export function RuleNode({
  node,
  path,
  name,
  depth,
  errors,
  onChange,
  onRemove,
  showLabel = true,
  canWrap = false,
}: {
  node: unknown
  path: string
  name: string
  depth: number
  errors: readonly TRuleError[]
  onChange: (n: Node) => void
  onRemove?: () => void
  showLabel?: boolean
  /** A lone condition at the top (the whole rule, a tier's condition) may become a group to add to. */
  canWrap?: boolean
}) {
  if (!isNode(node)) return <Alert type="warning" showIcon title={`${name}不是有效的条件，请在“高级（JSON）”中修改`} />
  if ('field' in node) {
    const row = <ConditionRow node={node} path={path} name={name} errors={errors} onChange={onChange} onRemove={onRemove} showLabel={showLabel} />
    if (!canWrap) return row
    return (
      <>
        {row}
        <Button size="small" onClick={() => onChange({ all: [node] })}>{`把${name}改为条件组`}</Button>
      </>
    )
  }
  const group = readGroup(node, path)
  if (!group) {
    return (
      <Alert
        type="info"
        showIcon
        title={`${name}：${isNode(node) ? describeRule(node as TRule, programmeFields) : ''}`}
        description="这个条件的结构较复杂，请在“高级（JSON）”中修改。"
        action={onRemove ? <Button onClick={onRemove}>删除</Button> : undefined}
      />
    )
  }
  const set = (children: unknown[]) => onChange(withChildren(node, group, children))
  const isRoot = depth === 0
  return (
    <div className={isRoot ? 'yy-rule-root' : 'yy-rule-group'} role="group" aria-label={name}>
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <span>{isRoot ? '以下条件' : name}</span>
        <Select
          aria-label={`${name}的组合方式`}
          style={{ width: 130 }}
          value={group.kind}
          options={(Object.keys(groupKindLabels) as GroupKind[]).map((k) => ({ value: k, label: groupKindLabels[k] }))}
          onChange={(k: GroupKind) => onChange(switchKind(node, group, k))}
        />
        {!isRoot && showLabel ? (
          <Input
            aria-label={`${name}中文说明`}
            status={hasError(errors, `${path}.label`) ? 'error' : undefined}
            placeholder="中文说明（申请人看到的条款）"
            maxLength={MAX_LABEL}
            style={{ width: 260 }}
            value={typeof node.label === 'string' ? node.label : ''}
            onChange={(e) => {
              const { label: _old, ...rest } = node
              onChange(e.target.value ? { ...rest, label: e.target.value } : rest)
            }}
          />
        ) : null}
        {onRemove ? <Button aria-label={`删除${name}`} title={`删除${name}`} icon={<DeleteOutlined />} onClick={onRemove} /> : null}
      </Space>
      <ErrorText errors={errors} path={path} />
      <ErrorText errors={errors} path={`${path}.label`} />
      <ErrorText errors={errors} path={`${path}.${group.kind === 'none' ? 'not.any' : group.kind}`} />
      {group.children.map((child, i) => (
        <RuleNode
          key={i}
          node={child}
          path={group.childPath(i)}
          name={`${isRoot ? '条件' : `${name}-`}${i + 1}`}
          depth={depth + 1}
          errors={errors}
          showLabel={showLabel}
          onChange={(n) => set(group.children.map((c, j) => (j === i ? n : c)))}
          onRemove={() => set(group.children.filter((_c, j) => j !== i))}
        />
      ))}
      <Space wrap size={8}>
        <Button onClick={() => set([...group.children, defaultCondition()])}>{isRoot ? '添加条件' : `在${name}中添加条件`}</Button>
        {depth < MAX_GROUP_DEPTH ? (
          <Button onClick={() => set([...group.children, newGroup(showLabel)])}>{isRoot ? '添加条件组' : `在${name}中添加条件组`}</Button>
        ) : null}
      </Space>
    </div>
  )
}

type Tier = { when?: unknown; amountFen?: unknown }

/** The amount tiers as a table: condition and monthly amount in 元 (stored in fen). */
export function AmountTable({ value, onChange, errors }: { value: unknown; onChange: (v: Node) => void; errors: readonly TRuleError[] }) {
  if (!isNode(value) || !Array.isArray(value.tiers)) return <Alert type="warning" showIcon title="补贴标准的结构有误，请在“高级（JSON）”中修改" />
  const tiers = value.tiers as Tier[]
  const setTiers = (next: Tier[]) => onChange({ ...value, tiers: next })
  const setTier = (i: number, t: Tier) => setTiers(tiers.map((x, j) => (j === i ? t : x)))
  return (
    <div>
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <span>取档方式</span>
        <Select
          aria-label="取档方式"
          style={{ width: 240 }}
          status={hasError(errors, 'amount.pick') ? 'error' : undefined}
          value={amountPicks.includes(value.pick as never) ? (value.pick as string) : undefined}
          options={amountPicks.map((p) => ({ value: p, label: amountPickLabels[p] }))}
          onChange={(pick) => onChange({ ...value, pick })}
        />
      </Space>
      <ErrorText errors={errors} path="amount.pick" />
      <ErrorText errors={errors} path="amount.tiers" />
      <Table<Tier & { i: number }>
        className="yy-tier-table"
        size="small"
        bordered
        pagination={false}
        rowKey="i"
        tableLayout="fixed"
        dataSource={tiers.map((t, i) => ({ ...(isNode(t) ? t : {}), i }))}
        columns={[
          { title: '档次', dataIndex: 'i', width: 64, render: (i: number) => `第${i + 1}档` },
          {
            title: '条件',
            key: 'when',
            render: (_v, t) =>
              t.when === undefined ? (
                <Space wrap>
                  <Typography.Text>无条件（符合申请条件即享受）</Typography.Text>
                  <Button size="small" aria-label={`给第${t.i + 1}档设置条件`} onClick={() => setTier(t.i, { ...tiers[t.i], when: defaultCondition() })}>
                    设置条件
                  </Button>
                </Space>
              ) : (
                <RuleNode
                  node={t.when}
                  path={`amount.tiers[${t.i}].when`}
                  name={`第${t.i + 1}档条件`}
                  depth={1}
                  errors={errors}
                  showLabel={false}
                  canWrap
                  onChange={(when) => setTier(t.i, { ...tiers[t.i], when })}
                  onRemove={() => {
                    const { when: _drop, ...rest } = tiers[t.i] ?? {}
                    setTier(t.i, rest)
                  }}
                />
              ),
          },
          {
            title: '月金额（元）',
            key: 'amount',
            width: 150,
            render: (_v, t) => (
              <>
                <InputNumber
                  aria-label={`第${t.i + 1}档月金额（元）`}
                  status={hasError(errors, `amount.tiers[${t.i}].amountFen`) ? 'error' : undefined}
                  min={0}
                  precision={2}
                  step={10}
                  style={{ width: 120 }}
                  value={typeof t.amountFen === 'number' ? t.amountFen / 100 : null}
                  onChange={(v) => setTier(t.i, { ...tiers[t.i], amountFen: v === null ? undefined : Math.round(Number(v) * 100) })}
                />
                <ErrorText errors={errors} path={`amount.tiers[${t.i}].amountFen`} />
                <ErrorText errors={errors} path={`amount.tiers[${t.i}]`} />
              </>
            ),
          },
          {
            title: '操作',
            key: 'op',
            width: 64,
            render: (_v, t) => (
              <Button
                aria-label={`删除第${t.i + 1}档`}
                title={`删除第${t.i + 1}档`}
                icon={<DeleteOutlined />}
                disabled={tiers.length <= 1}
                onClick={() => setTiers(tiers.filter((_x, j) => j !== t.i))}
              />
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} onClick={() => setTiers([...tiers, { when: defaultCondition(), amountFen: 0 }])}>
        添加档次
      </Button>
    </div>
  )
}
