import { useQuery } from '@tanstack/react-query'
import { formatRate, visitChecklistLabels, visitConfirmerLabels, visitFrequencyLabels, visitModeLabels, type TVisitChecklistItem } from '@yiyang/core'
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Descriptions, Space, Table, Typography } from 'antd'
import { StatusTag } from '../../shared/StatusTag'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { dayjs, DISPLAY_TZ, formatDateTime } from '../../shared/format'
import { ListLoadError } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { exportLedger, fetchLedger, visitKeys, type VisitLedger } from './api'
import { VisitRatesCard } from './VisitRatesCard'
import './visits.css'

type Row = VisitLedger['rows'][number]

/** 探访台账: per community/village and month, printable on A4 and exported to Excel. */
export function VisitLedgerPage() {
  const can = useCan()
  const { message } = App.useApp()
  const [query, patch] = useUrlQuery<{ regionCode?: string; month: string }>({ regionCode: undefined, month: dayjs().tz(DISPLAY_TZ).format('YYYY-MM') })
  const [exporting, setExporting] = useState(false)
  const ledger = useQuery({ queryKey: visitKeys.ledger(query.regionCode, query.month), queryFn: () => fetchLedger(query.regionCode, query.month) })
  const l = ledger.data
  const columns = [
    { title: '序号', key: 'n', render: (_v: unknown, _r: Row, i: number) => i + 1 },
    { title: '老人', dataIndex: 'elderName' },
    { title: '所在社区（村）', dataIndex: 'regionName', render: (v: string | null, r: Row) => v ?? r.regionCode },
    { title: '频次', dataIndex: 'frequency', render: (f: Row['frequency']) => visitFrequencyLabels[f] },
    { title: '探访人', dataIndex: 'visitorName' },
    { title: '方式', dataIndex: 'mode', render: (m: Row['mode']) => visitModeLabels[m] },
    { title: '探访时间', dataIndex: 'visitedAt', render: (v: string) => formatDateTime(v) },
    { title: '计入', dataIndex: 'counted', render: (v: boolean) => (v ? '是' : '否') },
    {
      title: '发现的问题',
      dataIndex: 'concerns',
      render: (c: string[], r: Row) => (
        <Space size={4} wrap>
          {c.length === 0 && !r.noCareFound ? '无' : null}
          {c.map((x) => (
            <StatusTag key={x} tone="warning">
              {visitChecklistLabels[x as TVisitChecklistItem] ?? x}
            </StatusTag>
          ))}
          {r.noCareFound ? <StatusTag tone="danger">失能无人照料</StatusTag> : null}
        </Space>
      ),
    },
    { title: '确认', dataIndex: 'confirmedBy', render: (v: Row['confirmedBy']) => visitConfirmerLabels[v] },
  ]
  return (
    <div className="yy-ledger">
      <div className="yy-no-print">
        <PageHeader
          title="探访台账"
          description="按社区（村）和月份列出谁在何时探访了谁、发现的问题和本月未探访的老人，可打印（A4）或导出 Excel。"
          extra={
            <Space wrap>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                打印
              </Button>
              {can('visit:export') ? (
                <Button
                  icon={<DownloadOutlined />}
                  loading={exporting}
                  onClick={() => {
                    setExporting(true)
                    exportLedger(query.regionCode, query.month)
                      .catch((e) => void message.error(errorMessage(e)))
                      .finally(() => setExporting(false))
                  }}
                >
                  导出 Excel
                </Button>
              ) : null}
            </Space>
          }
        />
        <Space wrap size={[12, 12]} className="yy-filters" style={{ marginBottom: 16 }}>
          <div style={{ width: 260 }}>
            <RegionTreeSelect
              allowClear
              aria-label="选择社区（村）"
              placeholder="全部区划"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
          <DatePicker
            picker="month"
            aria-label="选择月份"
            allowClear={false}
            value={dayjs(`${query.month}-01`)}
            onChange={(d) => d && patch({ month: d.format('YYYY-MM') })}
          />
        </Space>
        <VisitRatesCard regionCode={query.regionCode} />
      </div>
      <ListLoadError list={ledger} title="台账加载失败" />
      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={2} className="yy-ledger-print-title" style={{ fontSize: 18 }}>
          {l?.regionName ?? ''} 探访关爱台账（{query.month}）
        </Typography.Title>
        {l ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="区划">{l.regionName ?? l.regionCode}</Descriptions.Item>
            <Descriptions.Item label="农村月巡访率">
              {formatRate(l.monthlyRate.rate)}（{l.monthlyRate.numerator}/{l.monthlyRate.denominator}）
            </Descriptions.Item>
            <Descriptions.Item label="各周周探访率">
              {l.weeklyRates.map((w) => `第${Number(w.week.slice(6))}周 ${formatRate(w.rate)}`).join('，') || '—'}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        <Table<Row>
          rowKey="visitId"
          size="small"
          columns={columns}
          dataSource={l?.rows ?? []}
          loading={ledger.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
          本月未探访（{l?.unvisited.length ?? 0} 人）
        </Typography.Title>
        <Table
          rowKey={(r) => `${r.elderName}-${r.regionName}-${r.visitorName}`}
          size="small"
          pagination={false}
          dataSource={l?.unvisited ?? []}
          columns={[
            { title: '老人', dataIndex: 'elderName' },
            { title: '所在社区（村）', dataIndex: 'regionName' },
            { title: '频次', dataIndex: 'frequency', render: (f: Row['frequency']) => visitFrequencyLabels[f] },
            { title: '探访人', dataIndex: 'visitorName', render: (v: string | null) => v ?? '未指定' },
          ]}
        />
      </Card>
    </div>
  )
}
