import { complaintSourceLabels, complaintSources, type TComplaintSource } from '@yiyang/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { useCan } from '../../app/session'
import { applyServerError } from '../../shared/formErrors'
import { complaintKeys, lodgeComplaint } from './complaintsApi'

/** 登记投诉 on an order the provider has accepted (by staff for the family, a 12349 operator, or the bureau). */
export function LodgeComplaintButton({ orderId, status }: { orderId: string; status: string }) {
  const can = useCan()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<{ source: TComplaintSource; content: string }>()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const lodge = useMutation({
    mutationFn: (v: { source: TComplaintSource; content: string }) => lodgeComplaint(orderId, v),
    onSuccess: async (c) => {
      message.success(`投诉已受理，请于 ${c.dueOn} 前办结`)
      setOpen(false)
      await qc.invalidateQueries({ queryKey: complaintKeys.all })
      navigate(`/complaints?open=${c.id}`)
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  if (!can('complaint:lodge') || status === 'requested' || status === 'priced') return null
  const sources = complaintSources.filter((s) => s === 'family' || (s === 'hotline' && can('hotline:handle')) || can('complaint:handle'))
  return (
    <>
      <Button onClick={() => setOpen(true)}>登记投诉</Button>
      <Modal
        open={open}
        title="登记投诉"
        okText="提交"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={lodge.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ source: can('hotline:handle') ? 'hotline' : 'family' }}
          onFinish={(v) => lodge.mutate({ source: v.source, content: v.content.trim() })}
        >
          <Form.Item name="source" label="投诉来源" rules={[{ required: true, message: '请选择投诉来源' }]}>
            <Select aria-label="投诉来源" options={sources.map((s) => ({ value: s, label: complaintSourceLabels[s] }))} />
          </Form.Item>
          <Form.Item name="content" label="投诉内容" rules={[{ required: true, min: 5, message: '请写明投诉内容（至少5个字）' }]}>
            <Input.TextArea aria-label="投诉内容" rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
