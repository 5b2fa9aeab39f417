import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Segmented, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { formatDateTime } from '../../shared/format'
import { ListLoadError, listTableProps, listPagination } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import {
  fetchEvents,
  fetchJobs,
  JOB_STATUS_LABELS,
  retryEvent,
  retryJob,
  systemKeys,
  type EventsQuery,
  type Job,
  type JobsQuery,
  type JobStatus,
  type OutboxEvent,
} from './api'

const STATUS_TONES: Record<JobStatus, Tone> = { queued: 'info', running: 'accent', succeeded: 'success', failed: 'danger', cancelled: 'neutral' }

/** Background jobs (imports, timers) and events whose delivery failed: what an administrator checks when something did not happen. */
export function JobsPage() {
  return (
    <>
      <PageHeader title="后台任务" description="导入、定时任务等后台工作的执行情况；失败的任务和投递失败的事件可在排除原因后重新执行。" />
      <Tabs
        items={[
          { key: 'jobs', label: '任务', children: <JobsTab /> },
          { key: 'events', label: '事件投递', children: <EventsTab /> },
        ]}
      />
    </>
  )
}

function JobsTab() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [query, setQuery] = useState<JobsQuery>({ page: 1, pageSize: 20 })
  const list = useQuery({ queryKey: systemKeys.jobs(query), queryFn: () => fetchJobs(query), placeholderData: keepPreviousData })
  const retry = useMutation({
    mutationFn: (j: Job) => retryJob(j.id),
    onSuccess: async (_r, j) => {
      message.success(`已重新排队：${j.kindLabel}`)
      await queryClient.invalidateQueries({ queryKey: ['system', 'jobs'] })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const columns: TableColumnsType<Job> = [
    { title: '任务', dataIndex: 'kindLabel', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '状态', dataIndex: 'status', render: (s: JobStatus) => <StatusTag tone={STATUS_TONES[s]}>{JOB_STATUS_LABELS[s]}</StatusTag> },
    { title: '尝试次数', key: 'attempts', render: (_v, j) => `${j.attempts} / ${j.maxAttempts}` },
    { title: '提交人', dataIndex: 'createdBy', render: (v: string | null) => v ?? '系统' },
    { title: '提交时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: '计划执行', dataIndex: 'runAt', render: (v: string) => formatDateTime(v) },
    { title: '完成时间', dataIndex: 'finishedAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: '失败原因',
      dataIndex: 'error',
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, j) =>
        j.status === 'failed' || j.status === 'cancelled' ? (
          <Button
            size={elderMode ? 'large' : 'small'}
            onClick={() => retry.mutate(j)}
            loading={retry.isPending && retry.variables?.id === j.id}
            aria-label={`重新执行 ${j.kindLabel}`}
          >
            重新执行
          </Button>
        ) : null,
    },
  ]
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 160 }}
          value={query.status}
          onChange={(status?: JobStatus) => setQuery({ ...query, status, page: 1 })}
          options={(Object.keys(JOB_STATUS_LABELS) as JobStatus[]).map((s) => ({ value: s, label: JOB_STATUS_LABELS[s] }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
          刷新
        </Button>
      </Space>
      <ListLoadError list={list} title="任务列表加载失败" />
      <Table<Job>
        rowKey="id"
        columns={columns}
        {...listTableProps(list, elderMode)}
        locale={{ emptyText: <Empty description="没有符合条件的任务" /> }}
        pagination={listPagination(query, list.data?.total, (next) => setQuery({ ...query, ...next }), '项')}
      />
    </Card>
  )
}

function EventsTab() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [query, setQuery] = useState<EventsQuery>({ state: 'failed', page: 1, pageSize: 20 })
  const list = useQuery({ queryKey: systemKeys.events(query), queryFn: () => fetchEvents(query), placeholderData: keepPreviousData })
  const retry = useMutation({
    mutationFn: (e: OutboxEvent) => retryEvent(e.id),
    onSuccess: async () => {
      message.success('已重新投递')
      await queryClient.invalidateQueries({ queryKey: ['system', 'events'] })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const columns: TableColumnsType<OutboxEvent> = [
    { title: '事件', dataIndex: 'typeLabel', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '发生时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: '已尝试', dataIndex: 'attempts', render: (n: number) => `${n} 次` },
    {
      title: query.state === 'failed' ? '停止投递时间' : '下次重试',
      key: 'when',
      render: (_v, e) => formatDateTime(query.state === 'failed' ? e.failedAt : e.nextAttemptAt),
    },
    { title: '最近的错误', dataIndex: 'lastError', render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, e) =>
        e.failedAt ? (
          <Button size={elderMode ? 'large' : 'small'} onClick={() => retry.mutate(e)} aria-label={`重新投递 ${e.typeLabel}`}>
            重新投递
          </Button>
        ) : null,
    },
  ]
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="事件范围"
          value={query.state}
          onChange={(state) => setQuery({ ...query, state: state as EventsQuery['state'], page: 1 })}
          options={[
            { value: 'failed', label: '投递失败' },
            { value: 'pending', label: '等待重试' },
          ]}
        />
      </Space>
      <ListLoadError list={list} title="事件列表加载失败" />
      <Table<OutboxEvent>
        rowKey="id"
        columns={columns}
        {...listTableProps(list, elderMode)}
        locale={{ emptyText: <Empty description="没有投递失败的事件" /> }}
        pagination={listPagination(query, list.data?.total, (next) => setQuery({ ...query, ...next }), '项')}
      />
    </Card>
  )
}
