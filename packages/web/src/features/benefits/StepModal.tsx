import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Upload } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useEffect, useState } from 'react'
import { dayjs } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { fetchAssessors } from '../assessments/api'
import { addVerification, applicationStep, benefitKeys, decideObjection, type ApplicationDetail } from './api'
import { actionLabels } from './labels'

export type TStep = 'submit' | 'accept' | 'return' | 'verify' | 'streetReview' | 'approve' | 'reject' | 'upholdObjection' | 'dismissObjection'

type Values = { reason?: string; note?: string; assessorId?: string; scheduledDate?: dayjs.Dayjs; repost?: boolean }

const needsReason: TStep[] = ['return', 'reject', 'upholdObjection', 'dismissObjection']
const hints: Partial<Record<TStep, string>> = {
  submit: '提交后由街道（乡镇）受理，受理时限按工作日计算。',
  accept: '受理后开始入户核查；需要能力评估的项目同时向评估员派发评估。',
  verify: '入户核查须由两名不同的工作人员分别记录，可附照片（每张不超过 5 MB）。',
  streetReview: '审核时按老人最新信息逐条判断；开启公示的项目审核通过后立即公示。',
  approve: '批准后自下月起享受，按当前信息确定月标准。',
}

/** One action on an application → one endpoint → message → refresh. */
export function StepModal({
  step,
  app,
  objectionId,
  onClose,
}: {
  step: TStep | null
  app: ApplicationDetail
  objectionId?: string | null
  onClose: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [files, setFiles] = useState<File[]>([])
  const assessors = useQuery({
    queryKey: ['assessments', 'assessors', app.regionCode],
    queryFn: () => fetchAssessors(app.regionCode),
    enabled: step === 'accept' && app.needsAssessment,
  })
  useEffect(() => {
    if (step) {
      form.resetFields()
      setFiles([])
    }
  }, [step, form])

  const run = useMutation({
    mutationFn: async (v: Values): Promise<ApplicationDetail> => {
      const version = app.version
      switch (step) {
        case 'submit':
          return applicationStep(app.id, 'submit', { version })
        case 'accept':
          return applicationStep(app.id, 'accept', {
            version,
            ...(app.needsAssessment && v.assessorId && v.scheduledDate
              ? { assessment: { assessorId: v.assessorId, scheduledDate: v.scheduledDate.format('YYYY-MM-DD') } }
              : {}),
          })
        case 'return':
          return applicationStep(app.id, 'return', { version, reason: v.reason })
        case 'verify':
          return addVerification(app.id, v.note ?? '', files)
        case 'streetReview':
          return applicationStep(app.id, 'street-review', { version, note: v.note || null })
        case 'approve':
          return applicationStep(app.id, 'approve', { version, note: v.note || null })
        case 'reject':
          return applicationStep(app.id, 'reject', { version, reason: v.reason })
        case 'upholdObjection':
          return decideObjection(objectionId!, { decision: 'upheld', note: v.reason ?? '' })
        case 'dismissObjection':
          return decideObjection(objectionId!, { decision: 'dismissed', note: v.reason ?? '', repost: !!v.repost })
        default:
          throw new Error('unknown step')
      }
    },
    onSuccess: async () => {
      message.success(`${actionLabels[step!] ?? '操作'}：已完成`)
      await queryClient.invalidateQueries({ queryKey: benefitKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  if (!step) return null
  const reasonLabel = step === 'upholdObjection' || step === 'dismissObjection' ? '核查结论' : step === 'return' ? '退回原因' : '不予批准的原因'
  return (
    <Modal title={actionLabels[step]} open onCancel={onClose} onOk={() => form.submit()} okText="确定" confirmLoading={run.isPending} destroyOnHidden>
      {hints[step] ? <p>{hints[step]}</p> : null}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        {step === 'accept' && app.needsAssessment ? (
          <>
            <Form.Item name="assessorId" label="评估员" rules={[{ required: true, message: '该补贴需要能力评估，请选择评估员' }]}>
              <Select
                aria-label="评估员"
                loading={assessors.isFetching}
                options={(assessors.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（在办 ${a.openCases}）` }))}
              />
            </Form.Item>
            <Form.Item name="scheduledDate" label="评估日期" initialValue={dayjs()} rules={[{ required: true, message: '请选择评估日期' }]}>
              <DatePicker aria-label="评估日期" style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {needsReason.includes(step) ? (
          <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, min: 2, message: `请填写${reasonLabel}` }]}>
            <Input.TextArea rows={3} maxLength={500} aria-label={reasonLabel} />
          </Form.Item>
        ) : null}
        {step === 'dismissObjection' ? (
          <Form.Item name="repost" valuePropName="checked">
            <Checkbox>重新公示（公示期重新起算）</Checkbox>
          </Form.Item>
        ) : null}
        {step === 'verify' || step === 'streetReview' || step === 'approve' ? (
          <Form.Item
            name="note"
            label={step === 'verify' ? '核查情况' : '意见'}
            rules={step === 'verify' ? [{ required: true, min: 2, message: '请填写核查情况' }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} aria-label={step === 'verify' ? '核查情况' : '意见'} />
          </Form.Item>
        ) : null}
        {step === 'verify' ? (
          <Form.Item label="照片（最多 4 张）">
            <Upload
              accept="image/jpeg,image/png,image/webp"
              multiple
              listType="picture"
              beforeUpload={(f) => {
                setFiles((prev) => [...prev, f].slice(0, 4))
                return false
              }}
              onRemove={(f) => setFiles((prev) => prev.filter((x) => x.name !== f.name))}
              fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
            >
              <Button icon={<UploadOutlined />}>选择照片</Button>
            </Upload>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
