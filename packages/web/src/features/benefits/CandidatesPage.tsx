import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { App, Button, Card, Empty, Segmented, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { formatDateTime } from '../../shared/format'
import { ListLoadError, listPagination, listTableProps } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { benefitKeys, fetchCandidates, fetchProgrammes, fetchReviewDue, refreshCandidates, yuan, type Benefit, type Candidate } from './api'
import { dayjs } from '../../shared/format'
import { NewApplicationModal } from './NewApplicationModal'

/** 主动发现: elders who qualify but have not applied, and benefits whose elder no longer qualifies. */
export function CandidatesPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const programmes = useQuery({ queryKey: benefitKeys.programmes, queryFn: fetchProgrammes })
  const [query, patch] = useUrlQuery({ programmeCode: 'gaoling', kind: 'eligible', regionCode: undefined as string | undefined, page: 1, pageSize: 20 })
  const q = { ...query, kind: query.kind as 'eligible' | 'ineligible' }
  const isReview = query.kind === 'review'
  const reviewMonth = dayjs().add(1, 'month').format('YYYY-MM')
  const list = useQuery({
    queryKey: benefitKeys.candidates(q),
    queryFn: () => fetchCandidates(q),
    placeholderData: keepPreviousData,
    enabled: !isReview,
  })
  const due = useQuery({
    queryKey: ['benefits', 'review-due', query, reviewMonth],
    queryFn: () =>
      fetchReviewDue({ reviewDue: reviewMonth, programmeCode: query.programmeCode, regionCode: query.regionCode, page: query.page, pageSize: query.pageSize }),
    enabled: isReview,
  })
  const [applying, setApplying] = useState<Candidate | null>(null)
  const refresh = useMutation({
    mutationFn: refreshCandidates,
    onSuccess: () => message.success('已开始重新计算，完成后刷新本页即可看到'),
    onError: (err) => message.error(errorMessage(err)),
  })
  return (
    <>
      <PageHeader
        title="应享未享"
        description="按补贴项目规则自动比对：符合条件却没有申请的老人，以及正在享受但已不再符合条件的老人。老人信息或能力评估结果变化后自动重算。"
        extra={
          can('benefit:street_review') ? (
            <Button loading={refresh.isPending} onClick={() => refresh.mutate()}>
              立即重新计算
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <Select
            aria-label="补贴项目"
            value={query.programmeCode}
            onChange={(programmeCode: string) => patch({ programmeCode })}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
            style={{ width: elderMode ? 340 : 260 }}
          />
          <Segmented
            aria-label="名单类型"
            value={query.kind}
            onChange={(kind) => patch({ kind: String(kind) })}
            options={[
              { value: 'eligible', label: '符合条件未申请' },
              { value: 'ineligible', label: '享受中但已不符合' },
              { value: 'review', label: '年度复核到期' },
            ]}
          />
          <div style={{ width: elderMode ? 320 : 240 }}>
            <RegionTreeSelect
              allowClear
              aria-label="按区划筛选"
              placeholder="全部区划"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
        </Space>
        <ListLoadError list={isReview ? due : list} title="名单加载失败" />
        {isReview ? (
          <Table<Benefit>
            rowKey="id"
            {...listTableProps(due, elderMode)}
            locale={{ emptyText: <Empty description={`${reviewMonth} 前没有到期需复核的待遇`} /> }}
            pagination={listPagination(query, due.data?.total, (next) => patch(next, { keepPage: true }), '人')}
            columns={[
              { title: '老年人', dataIndex: 'elderName', render: (v: string | null, b) => <Link to={`/elders/${b.elderId}`}>{v ?? '—'}</Link> },
              { title: '社区（村）', dataIndex: 'regionName' },
              { title: '补贴项目', dataIndex: 'programmeName' },
              { title: '月标准', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
              { title: '享受起始', dataIndex: 'fromMonth' },
              { title: '复核到期', dataIndex: 'nextReviewMonth' },
            ]}
          />
        ) : (
          <Table<Candidate>
            rowKey={(c) => `${c.elderId}:${c.programmeCode}`}
            {...listTableProps(list, elderMode)}
            locale={{ emptyText: <Empty description="名单为空" /> }}
            pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }), '人')}
            columns={[
              { title: '老年人', dataIndex: 'elderName', render: (v: string, c) => <Link to={`/elders/${c.elderId}`}>{v}</Link> },
              { title: '社区（村）', dataIndex: 'regionName' },
              {
                title: q.kind === 'eligible' ? '可享月标准' : '现享月标准',
                dataIndex: 'amountFen',
                render: (v: number) => (q.kind === 'eligible' ? yuan(v) : '—'),
              },
              { title: '判断月份', dataIndex: 'month' },
              { title: '计算时间', dataIndex: 'computedAt', responsive: ['xl'], render: (v: string) => formatDateTime(v) },
              {
                title: '操作',
                key: 'op',
                render: (_v, c) =>
                  q.kind === 'eligible' && can('benefit:apply') ? (
                    <Button type="link" onClick={() => setApplying(c)}>
                      一键申请
                    </Button>
                  ) : (
                    <Link to={`/elders/${c.elderId}`}>查看待遇</Link>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <NewApplicationModal
        open={!!applying}
        elder={applying ? { id: applying.elderId, name: applying.elderName } : null}
        programmeCode={applying?.programmeCode}
        onClose={() => setApplying(null)}
        onCreated={(a) => navigate(`/benefits/applications/${a.id}`)}
      />
    </>
  )
}
