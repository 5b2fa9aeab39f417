import {
  caregiverSkillLabels,
  orderActionLabels,
  orderFlagLabels,
  orderRequesterKindLabels,
  orderStatusLabels,
  postingAccountLabels,
  serviceUnitLabels,
  type TOrderAction,
  type TOrderStatus,
} from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Rate, Row, Select, Skeleton, Space, Table, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { LodgeComplaintButton } from './LodgeComplaintButton'
import { StatusTag } from '../../shared/StatusTag'
import { fetchCaregivers } from '../providers/api'
import { CertificateTag } from '../providers/labels'
import { fetchOrder, orderKeys, orderStep, type OrderDetail, type StepName } from './api'
import { OrderStatusTag, yuan } from './labels'

/** Steps taken from this page; the visit's own steps (出发, 签到, 记录, 签退) are on the caregiver's phone page. */
const DESK_STEPS: StepName[] = ['accept', 'assign', 'reassign', 'confirm', 'resolve', 'settle', 'cancel', 'noShow']
const needsForm: Partial<Record<StepName, 'caregiver' | 'rating' | 'reason' | 'note'>> = {
  assign: 'caregiver',
  reassign: 'caregiver',
  confirm: 'rating',
  cancel: 'reason',
  noShow: 'reason',
  resolve: 'note',
}

export function OrderDetailPage() {
  const { id = '' } = useParams()
  const order = useQuery({ queryKey: orderKeys.detail(id), queryFn: () => fetchOrder(id) })
  const [step, setStep] = useState<StepName | null>(null)
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const run = useMutation({
    mutationFn: ({ s, body }: { s: StepName; body?: Record<string, unknown> }) =>
      orderStep(id, s, { ...body, ...(s === 'accept' ? { version: order.data?.version } : {}) }),
    onSuccess: async (o, v) => {
      message.success(`${orderActionLabels[v.s as TOrderAction]}：${orderStatusLabels[o.status]}`)
      setStep(null)
      await queryClient.invalidateQueries({ queryKey: orderKeys.all })
    },
    onError: (e) => message.error(errorMessage(e)),
  })

  if (order.isPending) return <Skeleton active />
  if (order.isError) return <Alert type="error" showIcon title="工单加载失败" description={errorMessage(order.error)} />
  const o = order.data
  const actions = DESK_STEPS.filter((a) => o.actions.includes(a))

  return (
    <>
      <PageHeader
        title={`工单 ${o.orderNo}`}
        description={
          <Space>
            <OrderStatusTag status={o.status} />
            {o.flags.map((f) => (
              <StatusTag key={f} tone="danger">
                {orderFlagLabels[f]}
              </StatusTag>
            ))}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/orders">返回列表</Link>
            <LodgeComplaintButton orderId={o.id} status={o.status} />
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'settle' || a === 'assign' || a === 'accept' ? 'primary' : 'default'}
                danger={a === 'cancel' || a === 'noShow'}
                loading={run.isPending && run.variables?.s === a}
                onClick={() => (needsForm[a] ? setStep(a) : run.mutate({ s: a }))}
              >
                {orderActionLabels[a as TOrderAction]}
              </Button>
            ))}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="服务信息">
            <Descriptions column={{ xs: 1, md: 2 }} size="middle">
              <Descriptions.Item label="老年人">{o.elderName}</Descriptions.Item>
              <Descriptions.Item label="所在社区（村）">{o.regionName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="服务地址">{o.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="申请来源">{orderRequesterKindLabels[o.requesterKind]}</Descriptions.Item>
              <Descriptions.Item label="服务项目">
                {o.itemName}（{caregiverSkillLabels[o.skill as keyof typeof caregiverSkillLabels] ?? '护理'}）
              </Descriptions.Item>
              <Descriptions.Item label="服务清单版本">{o.editionVersionLabel}</Descriptions.Item>
              <Descriptions.Item label="服务日期">{o.windowStart ? formatDateTime(o.windowStart) : o.serviceDate}</Descriptions.Item>
              <Descriptions.Item label="计划时长">{o.plannedMinutes} 分钟</Descriptions.Item>
              <Descriptions.Item label="服务商">{o.providerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="护理员">{o.caregiverName ?? '未派单'}</Descriptions.Item>
              <Descriptions.Item label="签到">
                {o.checkInAt ? `${formatDateTime(o.checkInAt)}${o.checkInDistanceM !== null ? `，距住址 ${o.checkInDistanceM} 米` : ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="签退">{o.checkOutAt ? formatDateTime(o.checkOutAt) : '—'}</Descriptions.Item>
              {o.record ? (
                <>
                  <Descriptions.Item label="完成内容">{o.record.itemsDone.join('、')}</Descriptions.Item>
                  <Descriptions.Item label="发现风险">{o.record.risks.length ? o.record.risks.join('、') : '无'}</Descriptions.Item>
                  <Descriptions.Item label="服务备注" span={2}>
                    {o.record.notes ?? '—'}
                  </Descriptions.Item>
                </>
              ) : null}
              {o.rating !== null || o.confirmedBy ? (
                <Descriptions.Item label="评价" span={2}>
                  {o.rating !== null ? <Rate disabled value={o.rating} aria-label={`评分 ${o.rating} 星`} /> : '系统自动确认（无评分）'} {o.ratingComment ?? ''}
                </Descriptions.Item>
              ) : null}
              {o.cancelReason ? <Descriptions.Item label="原因">{o.cancelReason}</Descriptions.Item> : null}
              {o.resolveNote ? <Descriptions.Item label="异常处理意见">{o.resolveNote}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card title="费用与结算" style={{ marginTop: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="单价">
                {yuan(o.unitPriceFen)} / {serviceUnitLabels[o.unit as keyof typeof serviceUnitLabels] ?? '单位'}
              </Descriptions.Item>
              <Descriptions.Item label="数量">{o.quantity}</Descriptions.Item>
              <Descriptions.Item label="合计">
                <Typography.Text strong>{yuan(o.priceFen)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="政府补贴">{yuan(o.subsidyFen)}</Descriptions.Item>
              <Descriptions.Item label="个人自付">{yuan(o.selfPayFen)}</Descriptions.Item>
              <Descriptions.Item label="结算时间">{o.settledAt ? formatDateTime(o.settledAt) : '未结算'}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginBottom: o.postings ? 12 : 0 }}>
              补贴依据：{o.subsidyBasis}
            </Typography.Paragraph>
            {o.postings ? (
              <Table
                size="small"
                rowKey="account"
                pagination={false}
                dataSource={o.postings}
                columns={[
                  { title: '科目', dataIndex: 'account', render: (a: string) => postingAccountLabels[a as keyof typeof postingAccountLabels] ?? '其他' },
                  { title: '借方', dataIndex: 'debitFen', align: 'right', render: (v: number) => (v ? yuan(v) : '') },
                  { title: '贷方', dataIndex: 'creditFen', align: 'right', render: (v: number) => (v ? yuan(v) : '') },
                ]}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="办理进度">
            <Timeline
              items={o.timeline.map((e) => ({
                color: e.toStatus === 'exception' || e.toStatus === 'cancelled' || e.toStatus === 'no_show' ? 'red' : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>{e.action === 'request' ? '提出申请' : (orderActionLabels[e.action as TOrderAction] ?? '办理')}</Typography.Text>
                    <Typography.Text type="secondary"> → {orderStatusLabels[e.toStatus as TOrderStatus] ?? '—'}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {formatDateTime(e.at)} · {e.actorName ?? '系统'}
                      </Typography.Text>
                    </div>
                    {e.note ? <div>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <StepModal order={o} step={step} onClose={() => setStep(null)} pending={run.isPending} onSubmit={(s, body) => run.mutate({ s, body })} />
    </>
  )
}

function StepModal({
  order,
  step,
  onClose,
  onSubmit,
  pending,
}: {
  order: OrderDetail
  step: StepName | null
  onClose: () => void
  onSubmit: (s: StepName, body: Record<string, unknown>) => void
  pending: boolean
}) {
  const [form] = Form.useForm()
  const kind = step ? needsForm[step] : undefined
  const caregivers = useQuery({
    queryKey: ['providers', 'caregivers', { providerId: order.providerId, page: 1, pageSize: 100 }],
    queryFn: () => fetchCaregivers({ providerId: order.providerId, page: 1, pageSize: 100 }),
    enabled: kind === 'caregiver',
  })
  return (
    <Modal
      open={!!step}
      title={step ? orderActionLabels[step as TOrderAction] : ''}
      okText="确定"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => step && onSubmit(step, v)} preserve={false}>
        {kind === 'caregiver' ? (
          <Form.Item
            name="caregiverId"
            label="护理员"
            rules={[{ required: true, message: '请选择护理员' }]}
            extra="背景审查未通过或没有该项目有效证书的护理员不能派单（持证上岗）。"
          >
            <Select
              aria-label="选择护理员"
              loading={caregivers.isPending}
              options={(caregivers.data?.items ?? []).map((c) => ({
                value: c.id,
                label: (
                  <Space>
                    {c.name}
                    <CertificateTag state={c.certificateState} />
                    {c.backgroundCheck !== 'passed' ? <StatusTag tone="danger">未通过背景审查</StatusTag> : null}
                  </Space>
                ),
              }))}
            />
          </Form.Item>
        ) : null}
        {step === 'reassign' ? (
          <Form.Item name="reason" label="改派原因">
            <Input aria-label="改派原因" maxLength={200} />
          </Form.Item>
        ) : null}
        {kind === 'rating' ? (
          <>
            <Form.Item name="by" label="评价人" initialValue="family" rules={[{ required: true }]}>
              <Select
                aria-label="评价人"
                options={[
                  { value: 'elder', label: '老人本人' },
                  { value: 'family', label: '家属' },
                ]}
              />
            </Form.Item>
            <Form.Item name="rating" label="满意度" rules={[{ required: true, message: '请评分' }]}>
              <Rate aria-label="满意度评分" />
            </Form.Item>
            <Form.Item name="comment" label="评价内容">
              <Input.TextArea aria-label="评价内容" rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'reason' ? (
          <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因' }]}>
            <Input.TextArea aria-label="原因" rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        {kind === 'note' ? (
          <Form.Item name="note" label="处理意见" rules={[{ required: true, min: 2, message: '请填写处理意见' }]}>
            <Input.TextArea aria-label="处理意见" rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
