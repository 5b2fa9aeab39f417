import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { EditOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { listPagination } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { categoryLabel, livingLabel, sexLabel } from '../elders/labels'
import { assignItem, fetchItems, fetchRules, handleItem, refreshWorklists, worklistKeys, type ItemStatus, type WorklistItem, type WorklistRule } from './api'
import { RuleEditorModal } from './RuleEditorModal'

const STATUS: Record<ItemStatus, { label: string; tone: Tone }> = {
  open: { label: '待处理', tone: 'danger' },
  assigned: { label: '已指派', tone: 'warning' },
  handled: { label: '已处理', tone: 'success' },
  resolved: { label: '条件已消除', tone: 'neutral' },
}
const VIEWS = [
  { value: 'open,assigned', label: '待办' },
  { value: 'handled', label: '已处理' },
  { value: 'resolved', label: '已消除' },
]

/** 主动发现: screening worklists per rule, inside my region; claim, handle with a note, see what reappears. */
export function WorklistsPage() {
  const { elderMode } = useElderMode()
  // Below 1200 px the reason column wraps narrower and fewer tags show, so 状态 and 操作 stay in view.
  const narrow = Grid.useBreakpoint().xl === false
  const can = useCan()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [ruleId, setRuleId] = useState<string | undefined>(undefined)
  const [status, setStatus] = useState('open,assigned')
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined)
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const [handling, setHandling] = useState<WorklistItem | null>(null)
  const [editing, setEditing] = useState<WorklistRule | 'new' | null>(null)
  const [noteForm] = Form.useForm<{ note: string }>()

  const rules = useQuery({ queryKey: worklistKeys.rules, queryFn: fetchRules })
  const activeRule = ruleId ?? rules.data?.items.find((r) => r.isActive)?.id
  const q = { ruleId: activeRule, status, regionCode, ...page }
  const items = useQuery({ queryKey: worklistKeys.items(q), queryFn: () => fetchItems(q), enabled: !!activeRule, placeholderData: keepPreviousData })
  const invalidate = () => queryClient.invalidateQueries({ queryKey: worklistKeys.all })

  const refresh = useMutation({
    mutationFn: refreshWorklists,
    onSuccess: async (r) => {
      message.success(`已重新筛查 ${r.elders} 位老人：新发现 ${r.opened}，重新出现 ${r.reopened}，条件消除 ${r.resolved}`)
      await invalidate()
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const assign = useMutation({
    mutationFn: (it: WorklistItem) => assignItem(it.id),
    onSuccess: async (it) => {
      message.success(`已认领「${it.elder?.name ?? ''}」`)
      await invalidate()
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const handle = useMutation({
    mutationFn: (v: { note: string }) => handleItem(handling!.id, v.note.trim()),
    onSuccess: async (it) => {
      message.success(`已处理；如条件仍存在，将于 ${it.reappearOn} 重新出现`)
      setHandling(null)
      await invalidate()
    },
    onError: (err) => applyServerError(err, noteForm, (t) => message.error(t)),
  })

  const columns: TableColumnsType<WorklistItem> = [
    {
      title: '老人',
      key: 'elder',
      fixed: 'left',
      render: (_v, it) =>
        it.elder ? (
          <div>
            <Link to={`/elders/${it.elderId}`}>
              <Typography.Text strong>{it.elder.name}</Typography.Text>
            </Link>
            <div>
              <Typography.Text type="secondary">
                {sexLabel(it.elder.sex)} · {it.elder.age}岁 · {livingLabel(it.elder.livingArrangement)}
              </Typography.Text>
            </div>
          </div>
        ) : (
          '—'
        ),
    },
    { title: '所在社区（村）', key: 'region', render: (_v, it) => it.elder?.regionName ?? it.regionCode },
    {
      title: '类别',
      key: 'cats',
      render: (_v, it) => (
        <Space size={4} wrap style={{ maxWidth: narrow ? 150 : 260 }}>
          {(it.elder?.categories ?? []).slice(0, narrow ? 3 : 4).map((c) => (
            <StatusTag key={c} tone="accent">
              {categoryLabel(c)}
            </StatusTag>
          ))}
        </Space>
      ),
    },
    {
      title: '发现依据',
      dataIndex: 'explanation',
      render: (v: string) => <Typography.Paragraph style={{ margin: 0, maxWidth: narrow ? 220 : 360, whiteSpace: 'normal' }}>{v}</Typography.Paragraph>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: ItemStatus, it) => (
        <Space direction="vertical" size={2}>
          <StatusTag tone={STATUS[s].tone}>{STATUS[s].label}</StatusTag>
          {it.assignedToName ? <Typography.Text type="secondary">负责人：{it.assignedToName}</Typography.Text> : null}
          {it.timesReopened ? <Typography.Text type="secondary">重新出现 {it.timesReopened} 次</Typography.Text> : null}
        </Space>
      ),
    },
    ...(status === 'handled'
      ? [
          {
            title: '处理情况',
            key: 'handled',
            render: (_v: unknown, it: WorklistItem) => (
              <div style={{ maxWidth: 300, whiteSpace: 'normal' }}>
                {it.handledNote}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(it.handledAt)}，{it.reappearOn} 起如仍符合将重新出现
                  </Typography.Text>
                </div>
              </div>
            ),
          },
        ]
      : []),
    ...(can('worklist:write') && status === 'open,assigned'
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, it: WorklistItem) => (
              <Space>
                {it.status === 'open' ? (
                  <Button size="small" onClick={() => assign.mutate(it)} loading={assign.isPending && assign.variables?.id === it.id}>
                    认领
                  </Button>
                ) : null}
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    noteForm.resetFields()
                    setHandling(it)
                  }}
                >
                  处理
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]

  const ruleList = rules.data?.items ?? []
  return (
    <>
      <PageHeader
        title="主动发现"
        description="按筛查规则自动找出需要关注的老人，形成各社区的待办清单；处理后如情况仍未改变，到期会重新出现。"
        extra={
          <Space wrap>
            {can('worklist:rules') ? (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建规则
              </Button>
            ) : null}
            {can('worklist:write') ? (
              <Button type="primary" icon={<SyncOutlined />} loading={refresh.isPending} onClick={() => refresh.mutate()}>
                重新筛查
              </Button>
            ) : null}
          </Space>
        }
      />
      {rules.isError ? (
        <Alert
          type="error"
          showIcon
          title="筛查规则加载失败"
          description={errorMessage(rules.error)}
          action={<Button onClick={() => void rules.refetch()}>重试</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {rules.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card>
          {ruleList.length === 0 ? (
            <Empty description="还没有筛查规则" />
          ) : (
            <Tabs
              activeKey={activeRule}
              onChange={(k) => {
                setRuleId(k)
                setPage((p) => ({ ...p, page: 1 }))
              }}
              items={ruleList.map((r) => ({
                key: r.id,
                label: (
                  <span>
                    {r.name} <Typography.Text type={r.counts.open ? 'danger' : 'secondary'}>({r.counts.open + r.counts.assigned})</Typography.Text>
                    {r.isActive ? null : <Typography.Text type="secondary">（已停用）</Typography.Text>}
                  </span>
                ),
              }))}
            />
          )}
          {activeRule
            ? (() => {
                const r = ruleList.find((x) => x.id === activeRule)!
                return (
                  <>
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 16 }}
                      title={r.description || r.name}
                      description={
                        <span>
                          条件：{r.ruleText}；处理后 {r.reappearAfterDays} 天如仍符合条件将重新出现。
                        </span>
                      }
                      action={
                        can('worklist:rules') ? (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                            编辑规则
                          </Button>
                        ) : undefined
                      }
                    />
                    <Space wrap className="yy-filters">
                      <Segmented
                        aria-label="事项状态"
                        value={status}
                        onChange={(v) => {
                          setStatus(String(v))
                          setPage((p) => ({ ...p, page: 1 }))
                        }}
                        options={VIEWS}
                        size={elderMode ? 'large' : 'middle'}
                      />
                      <div style={{ width: elderMode ? 300 : 220 }}>
                        <RegionTreeSelect
                          allowClear
                          aria-label="按区域筛选"
                          placeholder="全部区域"
                          value={regionCode}
                          onChange={(v) => {
                            setRegionCode(v)
                            setPage((p) => ({ ...p, page: 1 }))
                          }}
                        />
                      </div>
                      <Tooltip title={`待处理 ${r.counts.open}，已指派 ${r.counts.assigned}，已处理 ${r.counts.handled}，已消除 ${r.counts.resolved}`}>
                        <Typography.Text type="secondary" tabIndex={0}>
                          本辖区：待处理 {r.counts.open} · 已指派 {r.counts.assigned} · 已处理 {r.counts.handled}
                        </Typography.Text>
                      </Tooltip>
                    </Space>
                    {items.isError ? (
                      <Alert type="error" showIcon title="事项加载失败" description={errorMessage(items.error)} style={{ marginBottom: 16 }} />
                    ) : null}
                    <Table<WorklistItem>
                      rowKey="id"
                      columns={columns}
                      dataSource={items.data?.items ?? []}
                      loading={items.isFetching}
                      size={elderMode ? 'large' : 'middle'}
                      scroll={{ x: 'max-content' }}
                      locale={{
                        emptyText: items.isPending ? (
                          <div style={{ height: 120 }} />
                        ) : (
                          <Empty description={status === 'open,assigned' ? '没有待办事项' : '暂无记录'} />
                        ),
                      }}
                      pagination={listPagination(page, items.data?.total, setPage, '项')}
                    />
                  </>
                )
              })()
            : null}
        </Card>
      )}

      <Modal
        title={handling ? `处理：${handling.elder?.name ?? ''}` : ''}
        open={!!handling}
        onCancel={() => setHandling(null)}
        onOk={() => noteForm.submit()}
        okText="标记已处理"
        cancelText="取消"
        confirmLoading={handle.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{handling?.explanation}</Typography.Paragraph>
        <Form form={noteForm} layout="vertical" onFinish={(v) => handle.mutate(v)}>
          <Form.Item
            name="note"
            label="处理情况"
            rules={[
              { required: true, whitespace: true, message: '请填写处理情况' },
              { min: 2, message: '请填写具体情况' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：已上门走访，与家属约定每周探访一次，已录入探访计划" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <RuleEditorModal open={!!editing} rule={editing === 'new' ? null : editing} fields={rules.data?.fields ?? []} onClose={() => setEditing(null)} />
    </>
  )
}
