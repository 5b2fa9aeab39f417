import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useElderMode } from '../../app/elderMode'
import { formatDate, formatDateTime } from '../../shared/format'
import { ListLoadError, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { benefitKeys, fetchApplications, fetchObjections, noticeSheetUrl, yuan, type ApplicationSummary, type ObjectionListItem } from './api'
import { ApplicationStatusTag, ObjectionStatusTag } from './labels'

/** 公示 management: cases on notice now, and the objections to check. */
export function NoticesPage() {
  const { elderMode } = useElderMode()
  const [tab, setTab] = useState<'notices' | 'objections'>('notices')
  const q = { status: 'notice_open' as const, page: 1, pageSize: 200 }
  const notices = useQuery({ queryKey: benefitKeys.list(q), queryFn: () => fetchApplications(q), placeholderData: keepPreviousData })
  const paused = useQuery({
    queryKey: benefitKeys.list({ ...q, status: 'objection_review' as never }),
    queryFn: () => fetchApplications({ ...q, status: 'objection_review' }),
  })
  const objections = useQuery({ queryKey: benefitKeys.objections(), queryFn: () => fetchObjections() })
  const rows = [...(paused.data?.items ?? []), ...(notices.data?.items ?? [])]
  return (
    <>
      <PageHeader
        title="公示管理"
        description="街道审核通过后自动公示，期满自动结束；公示期间任何人可在公开页面提出异议，案件随即暂停，核查后作出结论。"
        extra={
          <Button href={noticeSheetUrl} target="_blank" rel="noopener">
            打印公示（A4）
          </Button>
        }
      />
      <Card>
        <Segmented
          aria-label="公示管理内容"
          value={tab}
          onChange={(v) => setTab(v as 'notices' | 'objections')}
          options={[
            { value: 'notices', label: `公示中（${rows.length}）` },
            { value: 'objections', label: `异议（待核查 ${(objections.data?.items ?? []).filter((o) => o.status === 'open').length}）` },
          ]}
          style={{ marginBottom: 16 }}
        />
        {tab === 'notices' ? (
          <>
            <ListLoadError list={notices} title="公示列表加载失败" />
            <Table<ApplicationSummary>
              rowKey="id"
              {...listTableProps({ data: { items: rows }, isFetching: notices.isFetching }, elderMode)}
              pagination={false}
              locale={{ emptyText: <Empty description="当前没有公示" /> }}
              columns={[
                { title: '老年人', dataIndex: 'elderName', render: (v: string, a) => <Link to={`/benefits/applications/${a.id}`}>{v}</Link> },
                { title: '社区（村）', dataIndex: 'regionName' },
                { title: '补贴项目', dataIndex: 'programmeName' },
                { title: '月标准', dataIndex: 'amountFen', render: (v: number | null) => yuan(v) },
                { title: '公示期', key: 'p', render: (_v, a) => `${formatDate(a.noticeStart)} 至 ${formatDate(a.noticeEnd)}` },
                { title: '状态', dataIndex: 'status', render: (s: ApplicationSummary['status']) => <ApplicationStatusTag status={s} /> },
              ]}
            />
          </>
        ) : (
          <>
            <ListLoadError list={objections} title="异议列表加载失败" />
            <Table<ObjectionListItem>
              rowKey="id"
              {...listTableProps(objections, elderMode)}
              pagination={false}
              locale={{ emptyText: <Empty description="没有异议" /> }}
              columns={[
                { title: '收到时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                {
                  title: '公示对象',
                  key: 'who',
                  render: (_v, o) => <Link to={`/benefits/applications/${o.applicationId}`}>{`${o.elderName} · ${o.programmeName}`}</Link>,
                },
                { title: '提出人', key: 'by', render: (_v, o) => `${o.name}（${o.contact}）` },
                {
                  title: '理由',
                  dataIndex: 'reason',
                  render: (v: string) => (
                    <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: v }}>
                      {v}
                    </Typography.Text>
                  ),
                },
                { title: '状态', dataIndex: 'status', render: (s: ObjectionListItem['status']) => <ObjectionStatusTag status={s} /> },
                {
                  title: '操作',
                  key: 'op',
                  render: (_v, o) => <Link to={`/benefits/applications/${o.applicationId}`}>{o.status === 'open' ? '核查' : '查看'}</Link>,
                },
              ]}
            />
          </>
        )}
        <Space />
      </Card>
    </>
  )
}
