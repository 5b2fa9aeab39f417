import { assessmentReasonLabels, assessmentReasons, assessmentScaleLabels, assessmentScales, type TAssessmentReason, type TAssessmentScale } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, DatePicker, Form, Input, Modal, Select, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { useElderMode } from '../../app/elderMode'
import { dayjs } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { assessmentKeys, fetchAssessors, scheduleAssessment, searchElders, type AssessmentDetail, type ElderOption } from './api'

type Values = { elderId: string; scale: TAssessmentScale; reason: TAssessmentReason; scheduledDate: dayjs.Dayjs; assessorId: string; note?: string }

/** Schedule an assessment: elder, scale, reason, date and the assessor who covers the elder's community. */
export function ScheduleAssessmentModal({
  open,
  onClose,
  onScheduled,
  elder,
  reason,
}: {
  open: boolean
  onClose: () => void
  onScheduled?: (a: AssessmentDetail) => void
  /** Preselected elder (from the elder page or the due list). */
  elder?: { id: string; name: string; regionCode: string } | null
  reason?: TAssessmentReason
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { elderMode } = useElderMode()
  const queryClient = useQueryClient()
  const [keyword, setKeyword] = useState('')
  const [picked, setPicked] = useState<ElderOption | null>(null)
  const regionCode = elder?.regionCode ?? picked?.regionCode

  const elders = useQuery({ queryKey: ['elders', 'search', keyword], queryFn: () => searchElders(keyword), enabled: open && !elder && keyword.length > 0 })
  const assessors = useQuery({ queryKey: assessmentKeys.assessors(regionCode), queryFn: () => fetchAssessors(regionCode), enabled: open && !!regionCode })

  useEffect(() => {
    if (!open) return
    form.resetFields()
    setPicked(null)
    setKeyword('')
    form.setFieldsValue({ elderId: elder?.id, scale: 'gbt42195_2022', reason: reason ?? 'initial', scheduledDate: dayjs() })
  }, [open, elder, reason, form])

  useEffect(() => {
    const list = assessors.data
    if (list && list.length > 0 && !form.getFieldValue('assessorId')) {
      // The least busy assessor first.
      form.setFieldValue('assessorId', [...list].sort((a, b) => a.openCases - b.openCases)[0]!.id)
    }
  }, [assessors.data, form])

  const mutation = useMutation({
    mutationFn: (v: Values) => scheduleAssessment({ ...v, scheduledDate: v.scheduledDate.format('YYYY-MM-DD'), note: v.note?.trim() || null }),
    onSuccess: async (a) => {
      message.success(`已为 ${a.elderName} 安排评估（${a.scheduledDate}）`)
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.all })
      onScheduled?.(a)
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  return (
    <Modal
      open={open}
      title="安排能力评估"
      width={elderMode ? 760 : 560}
      okText="安排评估"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark>
        <Form.Item name="elderId" label="老年人" rules={[{ required: true, message: '请选择老年人' }]}>
          {elder ? (
            <Select disabled options={[{ value: elder.id, label: elder.name }]} />
          ) : (
            <Select
              showSearch={{ filterOption: false, onSearch: (v) => setKeyword(v.trim()) }}
              placeholder="输入姓名或拼音首字母搜索"
              notFoundContent={elders.isFetching ? <Spin size="small" /> : keyword ? '没有找到' : '请输入姓名搜索'}
              options={(elders.data ?? []).map((e) => ({ value: e.id, label: `${e.name}　${e.age}岁　${e.regionName ?? ''}　${e.idNumber}` }))}
              onChange={(id: string) => {
                setPicked(elders.data?.find((e) => e.id === id) ?? null)
                form.setFieldValue('assessorId', undefined)
              }}
            />
          )}
        </Form.Item>
        <Form.Item name="scale" label="评估标准" rules={[{ required: true }]}>
          <Select options={assessmentScales.map((s) => ({ value: s, label: assessmentScaleLabels[s] }))} />
        </Form.Item>
        <Form.Item name="reason" label="评估原因" rules={[{ required: true }]}>
          <Select options={assessmentReasons.filter((r) => r !== 'dispute_review').map((r) => ({ value: r, label: assessmentReasonLabels[r] }))} />
        </Form.Item>
        <Form.Item name="scheduledDate" label="预约评估日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="assessorId"
          label="评估员"
          rules={[{ required: true, message: '请选择评估员' }]}
          extra={regionCode ? '按进行中的评估数量从少到多排列' : '先选择老年人'}
        >
          <Select
            disabled={!regionCode}
            loading={assessors.isFetching}
            options={[...(assessors.data ?? [])]
              .sort((a, b) => a.openCases - b.openCases)
              .map((a) => ({ value: a.id, label: `${a.displayName}（进行中 ${a.openCases}）` }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：老人行动不便，需上门评估" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
