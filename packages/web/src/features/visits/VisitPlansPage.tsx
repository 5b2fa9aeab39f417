import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { visitFrequencies, visitFrequencyLabels, type TVisitFrequency } from '@yiyang/core'
import { ReloadOutlined, SyncOutlined, UserAddOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Modal, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDate } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { assignPlans, fetchPlans, fetchVisitors, syncPlans, visitKeys, type PlanQuery, type VisitPlan } from './api'
import { DueTag, FrequencyTag, RedListTag } from './labels'
import { VisitRatesCard } from './VisitRatesCard'

type View = 'all' | 'due' | 'red' | 'unassigned'

/** 探访计划: plans by risk rule, bulk assignment with a suggestion, the overdue and the red list highlighted. */
export function VisitPlansPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [query, patch, reset] = useUrlQuery<PlanQuery>({
    regionCode: undefined,
    q: undefined,
    frequency: undefined,
    status: undefined,
    visitorId: undefined,
    unassigned: undefined,
    redListed: undefined,
    dueNow: undefined,
    page: 1,
    pageSize: 20,
  })
  const [selected, setSelected] = useState<string[]>([])
  const [assigning, setAssigning] = useState(false)
  const list = useQuery({ queryKey: visitKeys.plans(query), queryFn: () => fetchPlans(query), placeholderData: keepPreviousData })
  const sync = useMutation({
    mutationFn: syncPlans,
    onSuccess: (r) => {
      void message.success(`已按规则更新：新建 ${r.created} 条，恢复 ${r.resumed} 条，调整 ${r.updated} 条，结束 ${r.ended} 条`)
      void qc.invalidateQueries({ queryKey: visitKeys.all })
    },
    onError: (e) => void message.error(errorMessage(e)),
  })
  const view: View = query.redListed ? 'red' : query.dueNow ? 'due' : query.unassigned ? 'unassigned' : 'all'

  const columns: TableColumnsType<VisitPlan> = [
    {
      title: '老年人',
      dataIndex: 'elderName',
      render: (v: string, p) => (
        <Space size={6}>
          <Link to={`/visits/do/${p.id}`}>
            <Typography.Text strong>{v}</Typography.Text>
          </Link>
          {p.redListed ? <RedListTag /> : null}
        </Space>
      ),
    },
    { title: '所在社区（村）', dataIndex: 'regionName', render: (v: string | null, p) => v ?? p.regionCode },
    { title: '频次', dataIndex: 'frequency', render: (f: TVisitFrequency) => <FrequencyTag frequency={f} /> },
    { title: '探访人', dataIndex: 'visitorName', render: (v: string | null) => v ?? <Typography.Text type="warning">未指定</Typography.Text> },
    { title: '备用探访人', dataIndex: 'backupName', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: '最近探访', dataIndex: 'lastVisitAt', render: (v: string | null) => (v ? formatDate(v) : '从未探访') },
    {
      title: '本期',
      key: 'due',
      render: (_v, p) => <DueTag active={p.status === 'active'} dueNow={p.dueNow} missedInRow={p.missedInRow} />,
    },
    { title: '依据', dataIndex: 'reason', responsive: ['xxl'] },
    {
      title: '操作',
      key: 'op',
      render: (_v, p) => (p.status === 'active' ? <Link to={`/visits/do/${p.id}`}>登记探访</Link> : null),
    },
  ]

  return (
    <>
      <PageHeader
        title="探访关爱"
        description="按风险规则为独居、高龄、失能老人制定每周探访计划，为农村空巢、独居、留守老人制定每月巡访计划；逾期未探访逐级提醒，连续两期未探访列入红名单。"
        extra={
          can('visit:plan') ? (
            <Space wrap>
              <Button icon={<SyncOutlined />} loading={sync.isPending} onClick={() => sync.mutate()}>
                按规则生成计划
              </Button>
              <Button type="primary" icon={<UserAddOutlined />} disabled={selected.length === 0} onClick={() => setAssigning(true)}>
                指定探访人{selected.length ? `（${selected.length}）` : ''}
              </Button>
            </Space>
          ) : null
        }
      />
      <VisitRatesCard regionCode={query.regionCode} />
      <Card style={{ marginTop: 16 }}>
        <Space wrap size={[12, 12]} className="yy-filters">
          <Segmented<View>
            aria-label="计划视图"
            value={view}
            onChange={(v) =>
              patch({
                redListed: v === 'red' ? 'true' : undefined,
                dueNow: v === 'due' ? 'true' : undefined,
                unassigned: v === 'unassigned' ? 'true' : undefined,
              })
            }
            options={[
              { value: 'all', label: '全部计划' },
              { value: 'due', label: '本期未探访' },
              { value: 'red', label: '红名单' },
              { value: 'unassigned', label: '未指定探访人' },
            ]}
          />
          <ListSearch label="按老人姓名搜索" placeholder="老人姓名" value={query.q} onSearch={(q) => patch({ q })} width={220} elderWidth={320} />
          <div style={{ width: elderMode ? 320 : 240 }}>
            <RegionTreeSelect
              allowClear
              aria-label="按区划筛选"
              placeholder="全部区划"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
          <Select
            allowClear
            aria-label="按频次筛选"
            placeholder="全部频次"
            value={query.frequency}
            onChange={(frequency?: TVisitFrequency) => patch({ frequency })}
            options={visitFrequencies.map((f) => ({ value: f, label: visitFrequencyLabels[f] }))}
            style={{ width: elderMode ? 200 : 140 }}
          />
          <Select
            aria-label="按计划状态筛选"
            value={query.status ?? 'all'}
            onChange={(v: string) => patch({ status: v === 'all' ? undefined : (v as PlanQuery['status']) })}
            options={[
              { value: 'active', label: '执行中' },
              { value: 'ended', label: '已结束' },
              { value: 'all', label: '全部状态' },
            ]}
            style={{ width: elderMode ? 180 : 120 }}
          />
          <Button onClick={() => reset()}>清除筛选</Button>
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="探访计划加载失败" />
        <Table<VisitPlan>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          rowClassName={(p) => (p.redListed ? 'yy-visit-red' : p.status === 'active' && p.dueNow && p.missedInRow > 0 ? 'yy-visit-overdue' : '')}
          rowSelection={
            can('visit:plan')
              ? {
                  // A text title: antd copies column titles into a hidden measuring row, and a
                  // select-all checkbox there is a focusable element hidden from screen readers.
                  columnTitle: '选择',
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (p) => ({ disabled: p.status !== 'active', 'aria-label': `选择${p.elderName}` }),
                }
              : undefined
          }
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }))}
        />
      </Card>
      <AssignModal
        open={assigning}
        planIds={selected}
        regionCode={list.data?.items.find((p) => p.id === selected[0])?.regionCode}
        onClose={(done) => {
          setAssigning(false)
          if (done) setSelected([])
        }}
      />
    </>
  )
}

function AssignModal({ open, planIds, regionCode, onClose }: { open: boolean; planIds: string[]; regionCode?: string; onClose: (done: boolean) => void }) {
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [visitorId, setVisitorId] = useState<string>()
  const [backupId, setBackupId] = useState<string>()
  const onePlan = planIds.length === 1 ? planIds[0] : undefined
  const visitors = useQuery({ queryKey: visitKeys.visitors(regionCode, onePlan), queryFn: () => fetchVisitors(regionCode, onePlan), enabled: open })
  const save = useMutation({
    mutationFn: () => assignPlans({ planIds, visitorId: visitorId!, backupId: backupId ?? null }),
    onSuccess: (r) => {
      void message.success(`已为 ${r.updated} 位老人指定探访人`)
      void qc.invalidateQueries({ queryKey: visitKeys.all })
      onClose(true)
    },
  })
  const options = (visitors.data?.items ?? []).map((v, i) => ({
    value: v.id,
    label: `${i === 0 ? '【建议】' : ''}${v.displayName}（${v.sameCommunity ? '本社区，' : ''}${v.distanceMetres === null ? '' : `相距约 ${(v.distanceMetres / 1000).toFixed(1)} 公里，`}在管 ${v.activePlans} 人，本月已探访 ${v.visitsThisMonth} 次）`,
  }))
  return (
    <Modal
      open={open}
      title={`指定探访人（${planIds.length} 位老人）`}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ disabled: !visitorId, loading: save.isPending }}
      onOk={() => save.mutate()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>建议按“同社区优先、在管人数少、本月探访少”排序，排在第一位的为系统建议。</Typography.Text>
        <Select
          aria-label="探访人"
          placeholder="选择探访人"
          style={{ width: '100%' }}
          value={visitorId}
          onChange={setVisitorId}
          options={options}
          loading={visitors.isPending}
        />
        <Select
          allowClear
          aria-label="备用探访人"
          placeholder="备用探访人（可不选）"
          style={{ width: '100%' }}
          value={backupId}
          onChange={setBackupId}
          options={options.filter((o) => o.value !== visitorId)}
        />
        {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
      </Space>
    </Modal>
  )
}
