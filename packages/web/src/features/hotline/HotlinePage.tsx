import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { hotlineCategories, hotlineCategoryLabels, hotlineStatuses, hotlineStatusLabels } from '@yiyang/core'
import { Button, Card, Drawer, Empty, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useElderMode } from '../../app/elderMode'
import { formatDateTime } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { useAlarmStream } from '../alarms/useAlarmStream'
import { fetchHotlineCalls, hotlineKeys, type HotlineItem, type HotlineQuery, type HotlineStreamMessage } from './api'
import { CallerPopup } from './CallerPopup'
import { HotlineDetailPanel } from './HotlineDetailPanel'
import { FileCallModal } from './HotlineModals'
import { categoryLabel, categoryTone, hotlineStatusTone } from './labels'

/** 12349 热线工单: every call of the scope, searched by the caller's number or the words of the call; the detail with the caller's card and the timeline. */
export function HotlinePage() {
  const { elderMode } = useElderMode()
  const [query, patch, reset] = useUrlQuery<HotlineQuery & { id?: string }>({
    q: undefined,
    status: undefined,
    category: undefined,
    overdue: undefined,
    id: undefined,
    page: 1,
    pageSize: 20,
  })
  const [filing, setFiling] = useState(false)
  const [ringing, setRinging] = useState<HotlineStreamMessage['call'] | null>(null)
  const queryClient = useQueryClient()
  // New calls pop here too; the list follows every change of a colleague.
  useAlarmStream(
    (m) => {
      if (m.type !== 'hotline.call') return
      void queryClient.invalidateQueries({ queryKey: hotlineKeys.all })
      if (m.call.status === 'ringing') setRinging(m.call)
    },
    () => void queryClient.invalidateQueries({ queryKey: hotlineKeys.all }),
  )
  const { id: openId, ...listQuery } = query
  const list = useQuery({ queryKey: hotlineKeys.list(listQuery), queryFn: () => fetchHotlineCalls(listQuery), placeholderData: keepPreviousData })
  const columns: TableColumnsType<HotlineItem> = [
    { title: '来电时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    { title: '来电号码', dataIndex: 'callerPhoneMasked' },
    { title: '老人', dataIndex: 'elderName', render: (v: string | null) => v ?? '未匹配' },
    { title: '所在地', key: 'region', render: (_v, c) => c.regionName ?? '—' },
    {
      title: '类别',
      dataIndex: 'category',
      render: (v: string | null) => (v ? <StatusTag tone={categoryTone(v)}>{categoryLabel(v)}</StatusTag> : '待受理'),
    },
    {
      title: '内容',
      dataIndex: 'summary',
      render: (v: string) => (
        <Typography.Text ellipsis style={{ maxWidth: 260 }}>
          {v || '—'}
        </Typography.Text>
      ),
    },
    { title: '转办', key: 'route', render: (_v, c) => c.routeTargetName ?? '—' },
    {
      title: '办理时限',
      dataIndex: 'deadlineAt',
      render: (v: string | null, c) =>
        v ? <Typography.Text type={c.overdue ? 'danger' : undefined}>{`${formatDateTime(v)}${c.overdue ? '（已超时）' : ''}`}</Typography.Text> : '—',
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string) => (
        <StatusTag tone={hotlineStatusTone[s] ?? 'neutral'}>{hotlineStatusLabels[s as keyof typeof hotlineStatusLabels] ?? '—'}</StatusTag>
      ),
    },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, c) => (
        <Button
          type="link"
          onClick={() => patch({ id: c.id }, { keepPage: true })}
          aria-label={`查看工单 ${formatDateTime(c.receivedAt)} ${c.callerPhoneMasked}`}
        >
          查看
        </Button>
      ),
    },
  ]
  const filtersActive = !!(query.q || query.status || query.category || query.overdue)
  return (
    <>
      <PageHeader
        title="12349 热线工单"
        description="交换机来电自动弹出老人信息；受理后按类别转办街道、服务商或部门，服务预约生成服务工单，紧急来电转紧急报警；办结后回访并记录满意度。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
            登记来电
          </Button>
        }
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch label="按来电号码或内容搜索" placeholder="来电号码或内容" value={query.q} onSearch={(q) => patch({ q })} width={240} elderWidth={320} />
          <Select
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            value={query.status}
            onChange={(status?: string) => patch({ status })}
            options={hotlineStatuses.map((s) => ({ value: s, label: hotlineStatusLabels[s] }))}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            aria-label="按类别筛选"
            placeholder="全部类别"
            value={query.category}
            onChange={(category?: string) => patch({ category })}
            options={hotlineCategories.map((c) => ({ value: c, label: hotlineCategoryLabels[c] }))}
            style={{ width: 140 }}
          />
          <Select
            aria-label="按办理时限筛选"
            value={query.overdue ?? 'all'}
            onChange={(v: string) => patch({ overdue: v === 'true' ? 'true' : undefined })}
            options={[
              { value: 'all', label: '全部时限' },
              { value: 'true', label: '只看已超时' },
            ]}
            style={{ width: 140 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="工单列表加载失败" />
        <Table<HotlineItem>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          onRow={(c) => ({ onDoubleClick: () => patch({ id: c.id }, { keepPage: true }) })}
          rowClassName={(c) => (c.status === 'ringing' ? 'yy-alarm-flash' : '')}
          locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description="没有符合条件的工单" /> }}
          pagination={listPagination(listQuery, list.data?.total, (next) => patch(next, { keepPage: true }), '件')}
        />
      </Card>
      <Drawer
        open={!!openId}
        onClose={() => patch({ id: undefined }, { keepPage: true })}
        size={elderMode ? 900 : 760}
        title="工单详情"
        destroyOnHidden
        closable={{ 'aria-label': '关闭工单详情' }}
      >
        {openId ? <HotlineDetailPanel id={openId} /> : null}
      </Drawer>
      <CallerPopup call={ringing} onClose={() => setRinging(null)} />
      <FileCallModal open={filing} onClose={() => setFiling(false)} onDone={(id) => patch({ id }, { keepPage: true })} />
    </>
  )
}
