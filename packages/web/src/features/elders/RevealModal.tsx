import { useMutation } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { revealElderField, type RevealField } from './api'

const FIELD_LABELS: Record<RevealField, string> = { idNumber: '身份证号', phone: '联系电话', address: '现住址', contacts: '紧急联系人电话' }

/** 查看完整信息: asks for a reason (audited), then shows the full value until closed. */
export function RevealModal({ elderId, field, onClose }: { elderId: string; field: RevealField | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>()
  const { message } = App.useApp()
  const [value, setValue] = useState<string | null | undefined>(undefined)
  const reveal = useMutation({
    mutationFn: (reason: string) => revealElderField(elderId, field!, reason),
    onSuccess: (r) => setValue(r.value),
    onError: (err) => message.error(errorMessage(err)),
  })
  const close = () => {
    setValue(undefined)
    form.resetFields()
    onClose()
  }
  return (
    <Modal
      title={field ? `查看完整${FIELD_LABELS[field]}` : ''}
      open={!!field}
      onCancel={close}
      okText={value === undefined ? '查看' : '关闭'}
      cancelButtonProps={value === undefined ? undefined : { style: { display: 'none' } }}
      cancelText="取消"
      confirmLoading={reveal.isPending}
      onOk={() => (value === undefined ? form.submit() : close())}
      destroyOnHidden
    >
      {value === undefined ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="查看完整个人信息会记入审计日志"
            description="请只在办理业务确有需要时查看，并填写具体原因。"
          />
          <Form form={form} layout="vertical" onFinish={({ reason }) => reveal.mutate(reason.trim())}>
            <Form.Item
              name="reason"
              label="查看原因"
              rules={[
                { required: true, whitespace: true, message: '请填写查看原因' },
                { min: 2, message: '请填写具体原因' },
              ]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：办理高龄津贴，核对身份证号" autoFocus />
            </Form.Item>
          </Form>
        </>
      ) : (
        <div role="status">
          <Typography.Paragraph type="secondary">{FIELD_LABELS[field!]}：</Typography.Paragraph>
          <Typography.Paragraph copyable={!!value} className="yy-mono" style={{ fontSize: '1.3em' }}>
            {value ?? '未填写'}
          </Typography.Paragraph>
          <Typography.Text type="secondary">已记录本次查看。关闭后恢复脱敏显示。</Typography.Text>
        </div>
      )}
    </Modal>
  )
}
