import { useQuery } from '@tanstack/react-query'
import { ArrowLeftOutlined, DownOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Dropdown, Empty, Skeleton, Space, Table, Tabs, Timeline, Tooltip, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { ApiError, errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { elderKeys, fetchElder, fetchElderEvents, fetchElderHistory, type ElderDetail, type ElderStatus, type RevealField } from './api'
import { ELDER_DETAIL_TABS, type ElderTab } from './detailTabs'
import { ElderFormModal } from './ElderFormModal'
import { ElderStatusTag } from './EldersPage'
import { ElderStatusModal } from './ElderStatusModal'
import {
  abilityLabel,
  categoryLabel,
  HISTORY_ACTION_LABELS,
  HISTORY_SOURCE_LABELS,
  historyValue,
  hukouLabel,
  isSensitiveCategory,
  livingLabel,
  sexLabel,
} from './labels'
import { fieldLabel } from '@yiyang/core'
import { MergeModal } from './MergeModal'
import { RevealModal } from './RevealModal'

const SOURCE_LABELS: Record<string, string> = { typed: '登记', age: '按年龄', assessment: '按能力评估', living_arrangement: '按居住情况', implied: '随附' }

function Masked({ value, field, onReveal, canReveal }: { value: ReactNode; field: RevealField; onReveal: (f: RevealField) => void; canReveal: boolean }) {
  return (
    <Space size={8} wrap>
      <span className="yy-mono">{value ?? '未填写'}</span>
      {canReveal && value ? (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onReveal(field)} style={{ paddingInline: 0 }}>
          查看完整
        </Button>
      ) : null}
    </Space>
  )
}

function HistoryTab({ elderId, abilityScale }: { elderId: string; abilityScale: string | null }) {
  const q = useQuery({ queryKey: elderKeys.history(elderId), queryFn: () => fetchElderHistory(elderId) })
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="变更历史加载失败" description={errorMessage(q.error)} />
  if (!q.data.length) return <Empty description="暂无变更记录" />
  return (
    <Timeline
      items={q.data.map((h) => ({
        key: h.id,
        children: (
          <div>
            <Typography.Text strong>{HISTORY_ACTION_LABELS[h.action] ?? h.action}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {formatDateTime(h.at)} · {h.actorName ?? '系统'} · 来源：{HISTORY_SOURCE_LABELS[h.source] ?? h.source}
            </Typography.Text>
            {h.changes.length ? (
              <table className="yy-diff" style={{ marginTop: 6 }}>
                <thead>
                  <tr>
                    <th scope="col">项目</th>
                    <th scope="col">原值</th>
                    <th scope="col">新值</th>
                  </tr>
                </thead>
                <tbody>
                  {h.changes.map((c) => (
                    <tr key={c.field} className="yy-diff-changed">
                      <td>{fieldLabel(c.field, 'elder')}</td>
                      <td>{c.before === null ? '—' : <del>{historyValue(c.field, c.before, abilityScale)}</del>}</td>
                      <td>{c.after === null ? '—' : <ins>{historyValue(c.field, c.after, abilityScale)}</ins>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ),
      }))}
    />
  )
}

const EVENT_TONES: Record<string, 'danger' | 'warning' | 'info' | 'success' | 'neutral'> = {
  'elder.deceased': 'neutral',
  'elder.moved_out': 'warning',
  'elder.reactivated': 'success',
  'elder.ability_level_changed': 'info',
  'elder.categories_changed': 'info',
}

function EventsTab({ elderId }: { elderId: string }) {
  const q = useQuery({ queryKey: elderKeys.events(elderId), queryFn: () => fetchElderEvents(elderId) })
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="事件记录加载失败" description={errorMessage(q.error)} />
  return (
    <Table
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={q.data}
      locale={{ emptyText: <Empty description="暂无事件" /> }}
      columns={[
        { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 170 },
        { title: '事件', dataIndex: 'label', render: (v: string, e) => <StatusTag tone={EVENT_TONES[e.type] ?? 'accent'}>{v}</StatusTag> },
        {
          title: '内容',
          dataIndex: 'payload',
          render: (p: Record<string, unknown>) => {
            const parts: string[] = []
            if (p.date) parts.push(`日期 ${String(p.date)}`)
            if (p.reason) parts.push(`原因：${String(p.reason)}`)
            if (p.level !== undefined) parts.push(`能力等级 ${String(p.previousLevel ?? '—')} → ${String(p.level)}`)
            if (Array.isArray(p.after)) parts.push(`类别：${(p.after as string[]).map(categoryLabel).join('、') || '无'}`)
            return parts.join('；') || '—'
          },
        },
        {
          title: '通知的业务',
          key: 'consumers',
          render: (_v, e) => (e.type === 'elder.deceased' || e.type === 'elder.moved_out' ? '补贴、服务工单、探访' : '—'),
        },
      ]}
    />
  )
}

export function ElderDetailPage() {
  const { id = '' } = useParams()
  const { elderMode } = useElderMode()
  const can = useCan()
  const navigate = useNavigate()
  const [editing, setEditing] = useState(false)
  const [statusTo, setStatusTo] = useState<ElderStatus | null>(null)
  const [merging, setMerging] = useState(false)
  const [revealing, setRevealing] = useState<RevealField | null>(null)
  const [tab, setTab] = useState('basic')
  const q = useQuery({
    queryKey: elderKeys.detail(id),
    queryFn: () => fetchElder(id),
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2,
  })

  if (q.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    )
  if (q.isError) {
    const missing = q.error instanceof ApiError && q.error.status === 404
    return (
      <Card>
        <Alert
          type={missing ? 'warning' : 'error'}
          showIcon
          title={missing ? '档案不存在或不在您的管辖范围内' : '档案加载失败'}
          description={errorMessage(q.error)}
          action={
            <Space>
              <Button onClick={() => navigate('/elders')}>返回名单</Button>
              {missing ? null : <Button onClick={() => void q.refetch()}>重试</Button>}
            </Space>
          }
        />
      </Card>
    )
  }
  const e: ElderDetail = q.data
  const canReveal = can('elder:reveal')
  const canWrite = can('elder:write') && !e.mergedInto
  const col = elderMode ? 1 : { xs: 1, sm: 2, lg: 3 }

  const builtIn: ElderTab[] = [
    {
      key: 'basic',
      label: '基本信息',
      order: 10,
      render: () => (
        <Descriptions
          bordered
          column={col}
          size={elderMode ? 'default' : 'small'}
          items={[
            { key: 'name', label: '姓名', children: e.name },
            { key: 'id', label: '身份证号', children: <Masked value={e.idNumber} field="idNumber" onReveal={setRevealing} canReveal={canReveal} /> },
            { key: 'sex', label: '性别', children: sexLabel(e.sex) },
            { key: 'birth', label: '出生日期', children: e.birthDate },
            { key: 'age', label: '年龄', children: `${e.age} 周岁` },
            { key: 'region', label: '所在社区（村）', children: `${e.regionName ?? ''}（${e.regionCode}）` },
            { key: 'hukou', label: '户籍', children: hukouLabel(e.hukou) },
            { key: 'la', label: '居住情况', children: livingLabel(e.livingArrangement) },
            { key: 'address', label: '现住址', children: <Masked value={e.address} field="address" onReveal={setRevealing} canReveal={canReveal} /> },
            { key: 'phone', label: '联系电话', children: <Masked value={e.phone} field="phone" onReveal={setRevealing} canReveal={canReveal} /> },
            {
              key: 'ability',
              label: '能力等级',
              children: `${abilityLabel(e.abilityLevel, e.abilityScale)}${e.abilityEffectiveDate ? `（${e.abilityEffectiveDate} 起）` : ''}`,
            },
            { key: 'lastAssessment', label: '最近评估', children: e.lastAssessmentDate ?? '无' },
            { key: 'chronic', label: '慢性病', children: e.chronicConditions.join('、') || '无' },
            {
              key: 'doctor',
              label: '家庭医生',
              children: e.hasFamilyDoctor
                ? `已签约${e.familyDoctorDate ? `（${e.familyDoctorDate}）` : ''}${e.familyDoctorName ? ` ${e.familyDoctorName}` : ''}`
                : '未签约',
            },
            { key: 'visit', label: '探访关爱计划', children: e.hasVisitPlan ? '已制定' : '未制定' },
            {
              key: 'status',
              label: '状态',
              children: (
                <Space>
                  <ElderStatusTag status={e.status} />
                  {e.statusDate ? `${e.statusDate}` : null}
                  {e.statusReason ? <Typography.Text type="secondary">{e.statusReason}</Typography.Text> : null}
                </Space>
              ),
            },
            { key: 'note', label: '备注', children: e.note ?? '—' },
            {
              key: 'home',
              label: '住址坐标',
              children: e.homeLat !== null && e.homeLng !== null ? `纬度 ${e.homeLat.toFixed(6)}，经度 ${e.homeLng.toFixed(6)}` : '未标注',
            },
            { key: 'created', label: '建档时间', children: formatDateTime(e.createdAt) },
          ]}
        />
      ),
    },
    {
      key: 'contacts',
      label: `联系人（${e.contacts.length}）`,
      order: 20,
      render: () => (
        <>
          {canReveal && e.contacts.length ? (
            <Button icon={<EyeOutlined />} style={{ marginBottom: 12 }} onClick={() => setRevealing('contacts')}>
              查看完整电话
            </Button>
          ) : null}
          <Table
            rowKey={(c) => `${c.name}${c.phone}`}
            pagination={false}
            dataSource={e.contacts}
            size="middle"
            locale={{ emptyText: <Empty description="未登记紧急联系人或监护人" /> }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '关系', dataIndex: 'relation', render: (v: string) => v || '—' },
              { title: '电话', dataIndex: 'phone', render: (v: string) => <span className="yy-mono">{v}</span> },
              { title: '监护人', dataIndex: 'isGuardian', render: (v: boolean) => (v ? <StatusTag tone="info">监护人</StatusTag> : '—') },
            ]}
          />
        </>
      ),
    },
    {
      key: 'categories',
      label: '类别',
      order: 30,
      render: () => (
        <Table
          rowKey="category"
          pagination={false}
          dataSource={e.categoryTags}
          size="middle"
          locale={{ emptyText: <Empty description="无类别" /> }}
          columns={[
            {
              title: '类别',
              dataIndex: 'category',
              render: (c: string) => (
                <Space>
                  <StatusTag tone={isSensitiveCategory(c) ? 'warning' : 'accent'}>{categoryLabel(c)}</StatusTag>
                  {isSensitiveCategory(c) ? (
                    <Tooltip title="敏感类别：仅在管辖范围内可见，不出现在公开名单中">
                      <Typography.Text type="secondary">敏感</Typography.Text>
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
            { title: '来源', dataIndex: 'source', render: (s: string) => SOURCE_LABELS[s] ?? s },
            { title: '依据', dataIndex: 'reason' },
          ]}
        />
      ),
    },
    { key: 'history', label: '变更历史', order: 40, render: () => <HistoryTab elderId={e.id} abilityScale={e.abilityScale} /> },
    { key: 'events', label: '事件记录', order: 90, render: () => <EventsTab elderId={e.id} /> },
  ]
  const tabs = [...builtIn, ...ELDER_DETAIL_TABS].filter((t) => can(t.permission)).sort((a, b) => a.order - b.order)

  return (
    <>
      <PageHeader
        title={`${e.name}　${e.age}岁`}
        description={
          <Space wrap>
            <span>{e.regionName}</span>
            <ElderStatusTag status={e.status} />
            {e.categories.slice(0, 6).map((c) => (
              <StatusTag key={c} tone="accent">
                {categoryLabel(c)}
              </StatusTag>
            ))}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/elders">
              <Button icon={<ArrowLeftOutlined />}>返回名单</Button>
            </Link>
            {canWrite ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            ) : null}
            {canWrite ? (
              <Dropdown
                menu={{
                  items: [
                    ...(e.status === 'active'
                      ? [
                          { key: 'deceased', label: '登记死亡' },
                          { key: 'moved_out', label: '登记迁出' },
                        ]
                      : [{ key: 'active', label: '恢复在册' }]),
                    ...(can('elder:merge') ? [{ type: 'divider' as const }, { key: 'merge', label: '合并重复档案…' }] : []),
                  ],
                  onClick: ({ key }) => (key === 'merge' ? setMerging(true) : setStatusTo(key as ElderStatus)),
                }}
              >
                <Button>
                  更多 <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
            ) : null}
          </Space>
        }
      />
      {e.mergedInto ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="该档案已并入其他档案"
          action={<Link to={`/elders/${e.mergedInto}`}>查看保留的档案</Link>}
        />
      ) : null}
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render(e) }))} />
      </Card>
      <ElderFormModal open={editing} elder={e} onClose={() => setEditing(false)} />
      <ElderStatusModal elder={e} status={statusTo} onClose={() => setStatusTo(null)} />
      <MergeModal elder={e} open={merging} onClose={() => setMerging(false)} />
      <RevealModal elderId={e.id} field={revealing} onClose={() => setRevealing(null)} />
    </>
  )
}
