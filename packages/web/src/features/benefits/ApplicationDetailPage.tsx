import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Empty, Image, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { formatDate, formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { benefitKeys, fetchApplication, fileUrl, yuan, type ApplicationDetail } from './api'
import { Clauses } from './Clauses'
import { actionLabels, ApplicationStatusTag, ObjectionStatusTag, timelineLabel } from './labels'
import { StepModal, type TStep } from './StepModal'
import './benefits.css'

type Objection = ApplicationDetail['objections'][number]

export function ApplicationDetailPage() {
  const { id = '' } = useParams()
  const can = useCan()
  const [step, setStep] = useState<TStep | null>(null)
  const [objectionId, setObjectionId] = useState<string | null>(null)
  const q = useQuery({ queryKey: benefitKeys.detail(id), queryFn: () => fetchApplication(id) })
  if (q.isPending) return <Skeleton active />
  if (q.isError) return <Alert type="error" showIcon title="申请加载失败" description={errorMessage(q.error)} />
  const a = q.data
  const dangerous = ['return', 'reject']
  const openObjections = a.objections.filter((o) => o.status === 'open')
  return (
    <>
      <PageHeader
        title={`${a.elderName} · ${a.programmeName}`}
        description={
          <Space wrap>
            <ApplicationStatusTag status={a.status} />
            {a.stepDue ? (
              a.overdueDays > 0 ? (
                <Tag color="red">{`本环节已超期 ${a.overdueDays} 个工作日（时限 ${formatDate(a.stepDue)}）`}</Tag>
              ) : (
                <span>{`本环节时限：${formatDate(a.stepDue)} 前（工作日）`}</span>
              )
            ) : null}
          </Space>
        }
        extra={
          <Space wrap>
            {a.actions.map((act) => (
              <Button key={act} type={dangerous.includes(act) ? 'default' : 'primary'} danger={dangerous.includes(act)} onClick={() => setStep(act as TStep)}>
                {actionLabels[act] ?? act}
              </Button>
            ))}
          </Space>
        }
      />
      {a.status === 'objection_review' && can('benefit:notice') && openObjections.length > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="公示收到异议，案件已暂停，请核查后作出结论" />
      ) : null}
      {a.returnReason && a.status === 'returned' ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`已退回：${a.returnReason}`} /> : null}
      <div className="yy-detail-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
        <Card title="申请信息">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="老年人">
              <Link to={`/elders/${a.elderId}`}>{a.elderName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="所在社区（村）">{a.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="补贴项目">{a.programmeName}</Descriptions.Item>
            <Descriptions.Item label="月标准">{yuan(a.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="需要能力评估">
              {a.needsAssessment
                ? `是${a.assessmentLevel !== null ? `（评估结果 ${a.assessmentLevel} 级，${formatDate(a.assessedOn)}）` : '（等待评估结果）'}`
                : '否'}
            </Descriptions.Item>
            <Descriptions.Item label="公示期">
              {a.noticeStart ? `${formatDate(a.noticeStart)} 至 ${formatDate(a.noticeEnd)}${a.noticeRound > 1 ? `（第 ${a.noticeRound} 次公示）` : ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="备注">{a.note ?? '—'}</Descriptions.Item>
            {a.decisionNote ? <Descriptions.Item label="审批意见">{a.decisionNote}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card title="是否符合条件（逐条）">
          <Clauses clauses={a.clauses} />
        </Card>
        {a.homeVerification ? (
          <Card title="入户核查（两名工作人员）">
            {a.verifications.length === 0 ? (
              <Empty description="尚未核查" />
            ) : (
              a.verifications.map((v) => (
                <div key={v.userId} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{v.name}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(v.at)}</Typography.Text>
                  <div>{v.note}</div>
                  <Image.PreviewGroup>
                    <Space wrap>
                      {v.fileIds.map((f, i) => (
                        <Image key={f} src={fileUrl(f)} width={96} height={72} style={{ objectFit: 'cover' }} alt={`${v.name} 的核查照片 ${i + 1}`} />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                </div>
              ))
            )}
          </Card>
        ) : null}
        <Card title="公示异议">
          {a.objections.length === 0 ? (
            <Empty description="没有异议" />
          ) : (
            <Table<Objection>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={a.objections}
              columns={[
                { title: '提出人', dataIndex: 'name', render: (v: string, o) => `${v}（${o.contact}）` },
                { title: '理由', dataIndex: 'reason' },
                { title: '证据', dataIndex: 'evidence', render: (v: string | null) => v ?? '—' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: Objection['status'], o) => (
                    <Space direction="vertical" size={0}>
                      <ObjectionStatusTag status={s} />
                      {o.decisionNote ? <Typography.Text type="secondary">{o.decisionNote}</Typography.Text> : null}
                    </Space>
                  ),
                },
                {
                  title: '操作',
                  key: 'op',
                  render: (_v, o) =>
                    o.status === 'open' && can('benefit:notice') ? (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => {
                            setObjectionId(o.id)
                            setStep('dismissObjection')
                          }}
                        >
                          不成立
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            setObjectionId(o.id)
                            setStep('upholdObjection')
                          }}
                        >
                          成立
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </Card>
        <Card title="办理时间线">
          <Timeline
            items={a.timeline.map((x) => ({
              children: (
                <div>
                  <Typography.Text strong>{timelineLabel(x.action)}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{`${formatDateTime(x.at)}${x.actorName ? ` · ${x.actorName}` : ' · 系统'}`}</Typography.Text>
                  </div>
                  {x.note ? <div>{x.note}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
      </div>
      <StepModal
        step={step}
        app={a}
        objectionId={objectionId}
        onClose={() => {
          setStep(null)
          setObjectionId(null)
        }}
      />
    </>
  )
}
