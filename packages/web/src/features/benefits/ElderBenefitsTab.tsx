import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Collapse, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { formatDateTime } from '../../shared/format'
import { benefitKeys, fetchElderBenefits, yuan, type ElderBenefits } from './api'
import { Clauses } from './Clauses'
import { ApplicationStatusTag, BenefitStatusTag, changeKindLabel } from './labels'
import { NewApplicationModal } from './NewApplicationModal'
import './benefits.css'

type History = ElderBenefits['history'][number]

/** The 待遇 tab of the elder page: benefits, every change with its reason, cases, and why each programme applies or not. */
export function ElderBenefitsTab({ elder }: { elder: { id: string; name: string } }) {
  const can = useCan()
  const navigate = useNavigate()
  const [applying, setApplying] = useState<string | null>(null)
  const q = useQuery({ queryKey: benefitKeys.elder(elder.id), queryFn: () => fetchElderBenefits(elder.id) })
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="待遇信息加载失败" description={errorMessage(q.error)} />
  const d = q.data
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="享受中的待遇">
        {d.benefits.length === 0 ? (
          <Empty description="暂未享受补贴" />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.benefits}
            columns={[
              { title: '补贴项目', dataIndex: 'programmeName' },
              { title: '月标准', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
              { title: '起始月份', dataIndex: 'fromMonth' },
              { title: '停发月份', dataIndex: 'stopMonth', render: (v: string | null, b) => (v ? `${v}（${b.stopReason ?? ''}）` : '—') },
              { title: '下次复核', dataIndex: 'nextReviewMonth' },
              { title: '状态', dataIndex: 'status', render: (s: 'active' | 'stopped') => <BenefitStatusTag status={s} /> },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="待遇变更记录">
        {d.history.length === 0 ? (
          <Empty description="没有变更" />
        ) : (
          <Table<History>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.history}
            columns={[
              { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
              { title: '项目', dataIndex: 'programmeName' },
              { title: '变更', dataIndex: 'kind', render: (k: string) => <Tag>{changeKindLabel(k)}</Tag> },
              { title: '生效月份', dataIndex: 'effectiveMonth' },
              {
                title: '金额',
                key: 'amt',
                render: (_v, h) => (h.fromAmountFen !== null || h.toAmountFen !== null ? `${yuan(h.fromAmountFen)} → ${yuan(h.toAmountFen)}` : '—'),
              },
              {
                title: '原因',
                dataIndex: 'reason',
                render: (v: string) => <Typography.Text style={{ maxWidth: 420, whiteSpace: 'normal' }}>{v}</Typography.Text>,
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="申请记录">
        {d.applications.length === 0 ? (
          <Empty description="没有申请" />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.applications}
            columns={[
              { title: '补贴项目', dataIndex: 'programmeName', render: (v: string, a) => <Link to={`/benefits/applications/${a.id}`}>{v}</Link> },
              { title: '状态', dataIndex: 'status', render: (s: ElderBenefits['applications'][number]['status']) => <ApplicationStatusTag status={s} /> },
              { title: '月标准', dataIndex: 'amountFen', render: (v: number | null) => yuan(v) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={`各补贴项目符合情况（按 ${d.month} 发放月判断）`}>
        <Collapse
          items={d.eligibility.map((r) => ({
            key: r.program,
            label: (
              <Space>
                <span>{r.programmeName}</span>
                {r.eligible ? <Tag color="green">{`符合 ${yuan(r.amountFen)}/月${r.chosen ? '' : '（同组择高，非最高）'}`}</Tag> : <Tag>不符合</Tag>}
              </Space>
            ),
            extra:
              r.eligible && r.chosen && can('benefit:apply') && !d.benefits.some((b) => b.programmeCode === r.program && b.status === 'active') ? (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation()
                    setApplying(r.program)
                  }}
                >
                  申请
                </Button>
              ) : null,
            children: <Clauses clauses={r.clauses} />,
          }))}
        />
      </Card>
      <NewApplicationModal
        open={!!applying}
        elder={elder}
        programmeCode={applying ?? undefined}
        onClose={() => setApplying(null)}
        onCreated={(a) => navigate(`/benefits/applications/${a.id}`)}
      />
    </Space>
  )
}
