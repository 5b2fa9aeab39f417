import { mealTimeLabels } from '@yiyang/core'
import { useQuery } from '@tanstack/react-query'
import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Empty, Space, Table, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { ListLoadError } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { dayjs } from '../../shared/format'
import { yuan } from '../orders/labels'
import { downloadCanteenStatement, fetchCounts, fetchStatement, mealKeys, type CanteenStatement, type MealCounts } from './api'

type CountRow = MealCounts['rows'][number]
type StatementRow = CanteenStatement['rows'][number]

/** 助餐统计: a day's meals per canteen and meal time (subsidised or not) and the month's canteen statement, exportable to Excel. */
export function MealStatsPage() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const [date, setDate] = useState(dayjs())
  const [month, setMonth] = useState(dayjs())
  const [exporting, setExporting] = useState(false)
  const d = date.format('YYYY-MM-DD')
  const m = month.format('YYYY-MM')
  const counts = useQuery({ queryKey: mealKeys.counts(d), queryFn: () => fetchCounts(d) })
  const statement = useQuery({ queryKey: mealKeys.statement(m), queryFn: () => fetchStatement(m) })
  const size = elderMode ? ('large' as const) : ('middle' as const)

  const countColumns: TableColumnsType<CountRow> = [
    { title: '助餐点', dataIndex: 'providerName' },
    { title: '餐次', dataIndex: 'mealTime', render: (v: CountRow['mealTime']) => mealTimeLabels[v] },
    { title: '补贴份数', dataIndex: 'subsidised', align: 'right' },
    { title: '自费份数', dataIndex: 'unsubsidised', align: 'right' },
    { title: '合计份数', dataIndex: 'total', align: 'right' },
    { title: '政府补贴', dataIndex: 'subsidyFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '个人自付', dataIndex: 'selfPayFen', align: 'right', render: (v: number) => yuan(v) },
  ]
  const statementColumns: TableColumnsType<StatementRow> = [
    { title: '助餐点', dataIndex: 'providerName' },
    { title: '配餐', dataIndex: 'supplierName', render: (v: string | null) => (v ? `${v}统一配送` : '自有厨房') },
    { title: '用餐份数', dataIndex: 'meals', align: 'right' },
    { title: '补贴份数', dataIndex: 'subsidisedMeals', align: 'right' },
    { title: '餐费合计', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '政府补贴', dataIndex: 'subsidyFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '个人自付', dataIndex: 'selfPayFen', align: 'right', render: (v: number) => yuan(v) },
  ]

  async function exportStatement() {
    setExporting(true)
    try {
      await downloadCanteenStatement(m)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <PageHeader
        title="助餐统计"
        description="各助餐点（敬老餐厅）每日用餐份数与补贴，月度结算单可导出 Excel。补贴按老人类别和助餐补贴标准计算，每人每餐次每天限补贴一份。"
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="每日用餐统计" extra={<DatePicker aria-label="统计日期" value={date} allowClear={false} onChange={(v) => v && setDate(v)} />}>
          <ListLoadError list={counts} title="用餐统计加载失败" />
          <Table<CountRow>
            rowKey={(r) => `${r.providerId}:${r.mealTime}`}
            columns={countColumns}
            dataSource={counts.data?.rows ?? []}
            loading={counts.isFetching}
            size={size}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description="当天没有用餐记录" /> }}
          />
        </Card>
        <Card
          title="月度结算"
          extra={
            <Space wrap>
              <DatePicker picker="month" aria-label="结算月份" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} />
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportStatement()}>
                导出助餐结算单
              </Button>
            </Space>
          }
        >
          <ListLoadError list={statement} title="月度结算加载失败" />
          <Table<StatementRow>
            rowKey="providerId"
            columns={statementColumns}
            dataSource={statement.data?.rows ?? []}
            loading={statement.isFetching}
            size={size}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description="本月没有用餐记录" /> }}
          />
        </Card>
      </Space>
    </>
  )
}
