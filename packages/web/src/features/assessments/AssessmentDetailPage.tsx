import { gbt42195Dimensions, riskEventTypeLabels, todayInShanghai, type TRiskEventType } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Result, Select, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { dayjs, formatDateTime } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { PageHeader } from '../../shared/PageHeader'
import {
  assessmentKeys,
  cancelAssessment,
  dismissObjection,
  fetchAssessment,
  fetchAssessors,
  objectAssessment,
  reviewAssessment,
  type AssessmentDetail,
} from './api'
import { ChartsCard } from './AssessmentCharts'
import { AssessmentStatusTag, LevelTag, levelNameOf, reasonLabel, scaleLabel, sexLabel } from './labels'
import './assessments.css'

type Dialog = null | 'approve' | 'return' | 'object' | 'dismiss' | 'cancel'

function ResultCard({ a }: { a: AssessmentDetail }) {
  if (a.finalLevel === null) {
    return (
      <Card title="评估结果" size="small">
        <Typography.Text type="secondary">
          已填写 {a.answeredCount}/{a.itemCount} 项，填完后显示结果。
        </Typography.Text>
      </Card>
    )
  }
  return (
    <Card title="评估结果" size="small">
      {a.scale === 'gbt42195_2022' && a.dimensions ? (
        <div className="yy-dim-grid" style={{ marginBottom: 12 }}>
          {gbt42195Dimensions.map((d) => (
            <div key={d.id} className="yy-dim">
              <div>
                {d.code} {d.name}
              </div>
              <div>
                <b>{a.dimensions?.[d.id] ?? 0}</b> / {d.maxPoints}
              </div>
            </div>
          ))}
        </div>
      ) : null}
      <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small" bordered>
        {a.total !== null ? <Descriptions.Item label="总分">{a.total} / 90</Descriptions.Item> : null}
        <Descriptions.Item label="初步等级">
          <LevelTag level={a.initialLevel} name={levelNameOf(a.scale, a.initialLevel)} />
        </Descriptions.Item>
        <Descriptions.Item label="最终等级">
          <LevelTag level={a.finalLevel} name={a.finalLevelName} />
        </Descriptions.Item>
      </Descriptions>
      {a.reasons?.length ? (
        <ul className="yy-plain-list" style={{ marginTop: 12 }}>
          {a.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </Card>
  )
}

export function AssessmentDetailPage() {
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { elderMode } = useElderMode()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [form] = Form.useForm()
  const detail = useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => fetchAssessment(id) })
  const a = detail.data
  const assessors = useQuery({
    queryKey: assessmentKeys.assessors(a?.regionCode),
    queryFn: () => fetchAssessors(a?.regionCode),
    enabled: dialog === 'object' && !!a,
  })

  const act = useMutation({
    mutationFn: async (v: Record<string, string | undefined | dayjs.Dayjs>) => {
      switch (dialog) {
        case 'approve':
          return reviewAssessment(id, { decision: 'approve', note: (v.note as string | undefined)?.trim() || null })
        case 'return':
          return reviewAssessment(id, { decision: 'return', reason: String(v.reason ?? '') })
        case 'object':
          return objectAssessment(id, {
            by: String(v.by ?? ''),
            relation: (v.relation as string) || null,
            reason: String(v.reason ?? ''),
            scheduledDate: (v.scheduledDate as dayjs.Dayjs).format('YYYY-MM-DD'),
            assessorId: String(v.assessorId ?? ''),
          })
        case 'dismiss':
          return dismissObjection(id, String(v.reason ?? ''))
        default:
          return cancelAssessment(id, String(v.reason ?? ''))
      }
    },
    onSuccess: async (d) => {
      const which = dialog
      setDialog(null)
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.all })
      if (which === 'object') {
        message.success(`已登记异议，并为 ${d.elderName} 安排复评（${d.scheduledDate}）`)
        navigate(`/assessments/${d.id}`)
      } else {
        message.success(
          which === 'approve'
            ? '审核通过，评估结果已生效'
            : which === 'return'
              ? '已退回评估员修改'
              : which === 'dismiss'
                ? '异议已驳回，原结果继续有效'
                : '评估已取消',
        )
      }
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (detail.isError || !a)
    return <Result status="warning" title="评估记录加载失败" subTitle={errorMessage(detail.error)} extra={<Link to="/assessments">返回评估列表</Link>} />

  const canFill = a.actions.includes('start') || a.actions.includes('submit')
  const has = (x: string) => a.actions.includes(x)
  const inWindow = !a.objectionDeadline || todayInShanghai() <= a.objectionDeadline
  const risk = Object.entries(a.info.riskEvents)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${riskEventTypeLabels[k as TRiskEventType] ?? k} ${n === 3 ? '3次及以上' : `${n}次`}`)

  const dialogTitle: Record<Exclude<Dialog, null>, string> = {
    approve: '审核通过',
    return: '退回修改',
    object: '登记异议并安排复评',
    dismiss: '驳回异议',
    cancel: '取消评估',
  }

  return (
    <>
      <PageHeader
        title={`能力评估 · ${a.elderName}`}
        description={`${sexLabel(a.elderSex)}，出生于 ${a.elderBirthDate}，${a.regionName ?? a.regionCode}`}
        extra={
          <Space wrap>
            {canFill ? (
              <Button type="primary" onClick={() => navigate(`/assessments/${id}/fill`)}>
                {a.status === 'scheduled' ? '开始评估' : '继续填写'}
              </Button>
            ) : null}
            {has('approve') ? (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields()
                  setDialog('approve')
                }}
              >
                审核通过
              </Button>
            ) : null}
            {has('return') ? (
              <Button
                danger
                onClick={() => {
                  form.resetFields()
                  setDialog('return')
                }}
              >
                退回修改
              </Button>
            ) : null}
            {a.finalLevel !== null && !['scheduled', 'in_progress', 'returned'].includes(a.status) ? (
              <Button onClick={() => navigate(`/assessments/${id}/report`)}>查看报告</Button>
            ) : null}
            {has('object') && inWindow ? (
              <Button
                onClick={() => {
                  form.resetFields()
                  form.setFieldsValue({ scheduledDate: dayjs() })
                  setDialog('object')
                }}
              >
                登记异议
              </Button>
            ) : null}
            {has('dismiss') ? (
              <Button
                onClick={() => {
                  form.resetFields()
                  setDialog('dismiss')
                }}
              >
                驳回异议
              </Button>
            ) : null}
            {has('cancel') ? (
              <Button
                danger
                type="text"
                onClick={() => {
                  form.resetFields()
                  setDialog('cancel')
                }}
              >
                取消评估
              </Button>
            ) : null}
          </Space>
        }
      />
      {a.status === 'returned' && a.returnReason ? (
        <Alert type="warning" showIcon title="已退回" description={`退回原因：${a.returnReason}`} style={{ marginBottom: 12 }} />
      ) : null}
      {a.status === 'disputed' && a.objection ? (
        <Alert
          type="warning"
          showIcon
          title="异议处理中"
          style={{ marginBottom: 12 }}
          description={
            <>
              {a.objection.by}
              {a.objection.relation ? `（${a.objection.relation}）` : ''} 于 {formatDateTime(a.objection.at)} 提出异议：{a.objection.reason}。
              <Link to={`/assessments/${a.objection.reviewAssessmentId}`}>查看复评</Link>；复评生效前原结果继续有效。
            </>
          }
        />
      ) : null}
      {a.disputedId ? (
        <Alert
          type="info"
          showIcon
          title="异议复评"
          description={
            <>
              本次为对 <Link to={`/assessments/${a.disputedId}`}>原评估结果</Link> 的复评，生效后替代原结果。
            </>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}

      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="评估信息" extra={<AssessmentStatusTag status={a.status} />}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label="评估标准">{scaleLabel(a.scale)}</Descriptions.Item>
            <Descriptions.Item label="评估原因">{reasonLabel(a.reason)}</Descriptions.Item>
            <Descriptions.Item label="预约日期">{a.scheduledDate}</Descriptions.Item>
            <Descriptions.Item label="评估时间">{formatDateTime(a.assessedAt) || '—'}</Descriptions.Item>
            <Descriptions.Item label="评估地点">{a.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="评估员">
              {a.assessors.map((x) => `${x.name}${x.certificateNo ? `（证书 ${x.certificateNo}）` : ''}`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="审核">{a.reviewerName ? `${a.reviewerName} ${formatDateTime(a.reviewedAt)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="生效日期">{a.effectiveDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="异议截止">{a.objectionDeadline ?? '—'}</Descriptions.Item>
            {a.supersededById ? (
              <Descriptions.Item label="已被替代">
                <Link to={`/assessments/${a.supersededById}`}>查看新评估</Link>
              </Descriptions.Item>
            ) : null}
            {a.cancelReason ? <Descriptions.Item label="取消原因">{a.cancelReason}</Descriptions.Item> : null}
            {a.note ? <Descriptions.Item label="备注">{a.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <ResultCard a={a} />
        <Card size="small" title="等级变更依据（附录A）">
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label="近30天照护风险事件">{risk.length ? risk.join('，') : '无'}</Descriptions.Item>
            <Descriptions.Item label="疾病诊断">
              {a.info.diagnoses.length ? a.info.diagnoses.map((d) => `${d.name}（${d.icd10}）`).join('，') : '无'}
            </Descriptions.Item>
            <Descriptions.Item label="昏迷">{a.info.coma ? '有' : '无'}</Descriptions.Item>
          </Descriptions>
        </Card>
        {a.finalLevel !== null ? <ChartsCard assessment={a} /> : null}
      </Space>

      <Modal
        open={dialog !== null}
        title={dialog ? dialogTitle[dialog] : ''}
        width={elderMode ? 720 : 520}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: dialog === 'return' || dialog === 'cancel' }}
        confirmLoading={act.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {dialog === 'approve' ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={`最终等级：${a.finalLevel} 级 ${a.finalLevelName ?? ''}`}
                description="通过后结果立即生效：老人的能力等级与失能类别随之更新，原有结果被替代；老人或家属可在异议期内提出复评。"
              />
              <Form.Item name="note" label="审核意见">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'return' || dialog === 'dismiss' || dialog === 'cancel' ? (
            <Form.Item
              name="reason"
              label={dialog === 'return' ? '退回原因' : dialog === 'dismiss' ? '驳回（或撤回）说明' : '取消原因'}
              rules={[{ required: true, min: 2, message: '请填写原因（至少2个字）' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
          {dialog === 'object' ? (
            <>
              <Form.Item name="by" label="提出人" rules={[{ required: true, message: '请填写提出人' }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="relation" label="与老人关系">
                <Input maxLength={20} placeholder="本人、儿子、女儿…" />
              </Form.Item>
              <Form.Item name="reason" label="异议理由" rules={[{ required: true, min: 2, message: '请填写异议理由' }]}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
              <Form.Item name="scheduledDate" label="复评日期" rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="assessorId" label="复评评估员（须为原评估员以外的人员）" rules={[{ required: true, message: '请选择评估员' }]}>
                <Select
                  loading={assessors.isFetching}
                  options={(assessors.data ?? [])
                    .filter((x) => !a.assessors.some((y) => y.userId === x.id))
                    .map((x) => ({ value: x.id, label: `${x.displayName}（进行中 ${x.openCases}）` }))}
                  notFoundContent="没有可安排的其他评估员"
                />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  )
}
