import { useQuery } from '@tanstack/react-query'
import { Alert, Empty, Skeleton, Table } from 'antd'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { formatClock } from '../../shared/format'
import { fetchOrders, orderKeys, type OrderSummary } from './api'
import { OrderStatusTag, yuan } from './labels'

/** The 服务工单 tab of the elder page: the elder's orders, newest first, with the money split. */
export function ElderOrdersTab({ elder }: { elder: { id: string } }) {
  const query = { elderId: elder.id, page: 1, pageSize: 50 }
  const list = useQuery({ queryKey: orderKeys.list(query), queryFn: () => fetchOrders(query) })
  if (list.isPending) return <Skeleton active />
  if (list.isError) return <Alert type="error" showIcon title="工单加载失败" description={errorMessage(list.error)} />
  return (
    <Table<OrderSummary>
      rowKey="id"
      size="middle"
      className="yy-nowrap"
      scroll={{ x: 'max-content' }}
      dataSource={list.data.items}
      pagination={false}
      locale={{ emptyText: <Empty description="暂无服务工单" /> }}
      columns={[
        { title: '工单号', dataIndex: 'orderNo', render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link> },
        { title: '服务项目', dataIndex: 'itemName' },
        { title: '服务日期', dataIndex: 'serviceDate', render: (d: string, o) => (o.windowStart ? `${d} ${formatClock(o.windowStart)}` : d) },
        { title: '服务商', dataIndex: 'providerName', render: (v: string | null) => v ?? '—' },
        { title: '金额', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
        { title: '补贴 / 自付', key: 'split', align: 'right', render: (_v, o) => `${yuan(o.subsidyFen)} / ${yuan(o.selfPayFen)}` },
        { title: '状态', dataIndex: 'status', render: (s: OrderSummary['status']) => <OrderStatusTag status={s} /> },
        { title: '评分', dataIndex: 'rating', render: (r: number | null) => (r ? `${r} 星` : '—') },
      ]}
    />
  )
}
