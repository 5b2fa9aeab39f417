import { orderFlagLabels, orderStatuses, orderStatusLabels, type TOrderStatus } from '@yiyang/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Empty, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { dayjs, DISPLAY_TZ, formatClock } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps, ListFilterSelect, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { downloadStatement, fetchOrders, orderKeys, type OrderQuery, type OrderSummary } from './api'
import { errorMessage } from '../../api/client'
import { OrderStatusTag, yuan } from './labels'
import { RequestOrderModal } from './RequestOrderModal'
import { KpiCards } from '../providers/ProviderSupervision'

export function OrdersPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const [query, patch, reset] = useUrlQuery<OrderQuery>({ q: undefined, status: undefined, dateFrom: undefined, dateTo: undefined, page: 1, pageSize: 20 })
  const [requesting, setRequesting] = useState(false)
  const [month, setMonth] = useState(dayjs().subtract(1, 'month'))
  const [exporting, setExporting] = useState(false)
  const { message } = App.useApp()
  async function exportStatement() {
    setExporting(true)
    try {
      await downloadStatement(month.format('YYYY-MM'))
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }
  const list = useQuery({ queryKey: orderKeys.list(query), queryFn: () => fetchOrders(query), placeholderData: keepPreviousData })

  const columns: TableColumnsType<OrderSummary> = [
    {
      title: '工单号',
      dataIndex: 'orderNo',
      render: (v: string, o) => (
        <Link to={`/orders/${o.id}`}>
          <Typography.Text strong>{v}</Typography.Text>
        </Link>
      ),
    },
    { title: '老年人', dataIndex: 'elderName' },
    { title: '所在社区（村）', dataIndex: 'regionName', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: '服务项目', dataIndex: 'itemName' },
    { title: '服务日期', dataIndex: 'serviceDate', render: (d: string, o) => (o.windowStart ? `${d} ${formatClock(o.windowStart)}` : d) },
    { title: '服务商', dataIndex: 'providerName', responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    { title: '护理员', dataIndex: 'caregiverName', responsive: ['lg'], render: (v: string | null) => v ?? '未派单' },
    { title: '金额', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '补贴 / 自付', key: 'split', align: 'right', responsive: ['xl'], render: (_v, o) => `${yuan(o.subsidyFen)} / ${yuan(o.selfPayFen)}` },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: TOrderStatus, o) => (
        <Space size={4}>
          <OrderStatusTag status={s} />
          {o.flags.length ? (
            <Tooltip title={o.flags.map((f) => orderFlagLabels[f]).join('；')}>
              <span>
                <StatusTag tone="danger">异常 {o.flags.length}</StatusTag>
              </span>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: '评分', dataIndex: 'rating', responsive: ['lg'], render: (r: number | null) => (r ? `${r} 星` : '—') },
    { title: '操作', key: 'op', fixed: 'right', render: (_v, o) => <Link to={`/orders/${o.id}`}>详情</Link> },
  ]
  const filtersActive = !!(query.status || query.q || query.dateFrom || query.dateTo)

  return (
    <>
      <PageHeader
        title="服务工单"
        description="从申请、核价、接单、派单、上门签到签退到评价结算的全过程；补贴与自付按服务日期生效的服务清单价格拆分。"
        extra={
          <Space wrap>
            <DatePicker picker="month" aria-label="结算单月份" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportStatement()}>
              导出月度结算单
            </Button>
            {can('order:request') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
                申请服务
              </Button>
            ) : null}
          </Space>
        }
      />
      {can('order:supervise') && can('provider:read') ? (
        <section aria-label="本月服务指标" style={{ marginBottom: 16 }}>
          <KpiCards month={dayjs().tz(DISPLAY_TZ).format('YYYY-MM')} wide />
        </section>
      ) : null}
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch
            label="按老人姓名、工单号或服务项目搜索"
            placeholder="老人姓名 / 工单号 / 服务项目"
            value={query.q}
            onSearch={(q) => patch({ q })}
            width={300}
            elderWidth={360}
          />
          <ListFilterSelect
            label="按状态筛选"
            placeholder="全部状态"
            value={query.status}
            codes={orderStatuses}
            labels={orderStatusLabels}
            onChange={(status) => patch({ status })}
            width={160}
            elderWidth={220}
          />
          <DatePicker.RangePicker
            aria-label="按服务日期筛选"
            placeholder={['开始日期', '结束日期']}
            value={query.dateFrom && query.dateTo ? [dayjs(query.dateFrom), dayjs(query.dateTo)] : null}
            onChange={(r) => patch({ dateFrom: r?.[0]?.format('YYYY-MM-DD'), dateTo: r?.[1]?.format('YYYY-MM-DD') })}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="工单列表加载失败" />
        <Table<OrderSummary>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description={filtersActive ? '没有符合条件的工单' : '暂无工单'} /> }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }))}
        />
      </Card>
      <RequestOrderModal open={requesting} onClose={() => setRequesting(false)} />
    </>
  )
}
