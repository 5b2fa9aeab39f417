import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Card, DatePicker, Space, Statistic, Table, type TableColumnsType } from 'antd'
import { formatFen, fundSourceLabels, type TFundSource } from '@yiyang/core'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { dayjs } from '../../shared/format'
import { ListLoadError } from '../../shared/listTable'
import { downloadFile } from '../elders/api'
import { fetchReport, type Report } from './api'

type Row = Report['items'][number]

/** Paid amounts by month, programme, street and fund source, with the 福彩公益金 share against the seeds' target. */
export function ReportTab() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const now = dayjs().tz('Asia/Shanghai')
  const [range, setRange] = useState<[string, string]>([now.startOf('year').format('YYYY-MM'), now.format('YYYY-MM')])
  const report = useQuery({ queryKey: ['disbursement', 'report', range], queryFn: () => fetchReport(range[0], range[1]) })
  const exportFile = useMutation({
    mutationFn: () => downloadFile('/disbursement/report/export', `发放统计-${range[0]}-${range[1]}.xlsx`, { from: range[0], to: range[1] }, { post: true }),
    onError: (err) => message.error(errorMessage(err)),
  })
  const r = report.data
  const share = r ? r.welfareLotteryShareBp / 100 : 0
  const columns: TableColumnsType<Row> = [
    { title: '月份', dataIndex: 'month' },
    { title: '项目', dataIndex: 'programName' },
    { title: '街道（乡镇）', dataIndex: 'streetName' },
    { title: '资金来源', dataIndex: 'fundSource', render: (v: string) => fundSourceLabels[v as TFundSource] ?? '其他' },
    { title: '人次', dataIndex: 'lines', align: 'right' },
    { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
  ]
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <DatePicker.RangePicker
            picker="month"
            value={[dayjs(range[0] + '-01'), dayjs(range[1] + '-01')]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')])}
            allowClear={false}
            aria-label="统计月份范围"
            size={elderMode ? 'large' : 'middle'}
          />
          <Button onClick={() => exportFile.mutate()} loading={exportFile.isPending} size={elderMode ? 'large' : 'middle'}>
            导出 Excel
          </Button>
        </Space>
      </Card>
      <ListLoadError list={report} title="发放统计加载失败" />
      {r && (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Statistic title="发放合计" value={formatFen(r.totalFen)} />
          <Statistic title="其中福彩公益金" value={formatFen(r.welfareLotteryFen)} />
          <Statistic title="福彩公益金占比" value={`${share.toFixed(2)}%`} />
        </Space>
      )}
      {r && r.totalFen > 0 && share < r.targetPercent.low && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`福彩公益金用于养老的比例为 ${share.toFixed(2)}%，低于政策目标 ${r.targetPercent.low}%–${r.targetPercent.high}%（本表只统计本平台发放的补贴）`}
        />
      )}
      <Table<Row>
        rowKey={(x) => `${x.month}-${x.programCode}-${x.streetCode}-${x.fundSource}`}
        columns={columns}
        dataSource={r?.items ?? []}
        loading={report.isFetching}
        size={elderMode ? 'large' : 'middle'}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 行` }}
        scroll={{ x: 'max-content' }}
      />
    </>
  )
}
