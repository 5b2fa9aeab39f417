import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CheckOutlined, CopyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd'
import { useState } from 'react'
import type { CreatedToken } from '../../api/client'
import { applyServerError } from '../../shared/formErrors'
import { formatDateTime } from '../../shared/format'
import { createToken, tokenKeys, TOKEN_SCOPE_LABELS, type CreateTokenInput } from './api'

/** 创建令牌: name → POST /tokens; the secret is shown exactly once, with a copy button. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateTokenInput>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [copied, setCopied] = useState(false)

  const mutation = useMutation({
    mutationFn: (v: CreateTokenInput) => createToken({ ...v, name: v.name.trim() }),
    onSuccess: async (t) => {
      setCreated(t)
      form.resetFields()
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list })
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  const copy = async () => {
    if (!created) return
    try {
      await navigator.clipboard.writeText(created.token)
      setCopied(true)
      message.success('令牌已复制到剪贴板')
    } catch {
      message.warning('浏览器不允许自动复制，请选中令牌后手动复制')
    }
  }

  const close = () => {
    setCreated(null)
    setCopied(false)
    form.resetFields()
    onClose()
  }

  if (created) {
    return (
      <Modal
        title="令牌已创建"
        open={open}
        onCancel={close}
        closable={copied}
        mask={{ closable: false }}
        footer={[
          <Button key="copy" icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
            {copied ? '已复制' : '复制令牌'}
          </Button>,
          <Button key="done" type="primary" onClick={close}>
            我已妥善保存
          </Button>,
        ]}
        width={640}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="令牌只显示这一次"
          description="关闭此窗口后将无法再次查看完整令牌。请立即复制并保存到设备或外部系统的配置中；如果遗失，请吊销后重新创建。"
        />
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          名称：<Typography.Text strong>{created.name}</Typography.Text>；权限：{TOKEN_SCOPE_LABELS[created.scope]}；有效期至{' '}
          {formatDateTime(created.expiresAt)}
        </Typography.Paragraph>
        <label htmlFor="yy-new-token" className="yy-visually-hidden">
          新令牌
        </label>
        <Input.TextArea
          id="yy-new-token"
          value={created.token}
          readOnly
          autoSize
          className="yy-mono"
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontSize: '1em', background: '#f7f9fc' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          使用方式：在请求头中加入 <Typography.Text code>Authorization: Bearer &lt;令牌&gt;</Typography.Text>
        </Typography.Paragraph>
      </Modal>
    )
  }

  return (
    <Modal
      title="创建 API 令牌"
      open={open}
      onOk={() => form.submit()}
      onCancel={close}
      okText="创建"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        API 令牌供设备（如智能手环、呼叫器网关）和外部系统调用接口使用，管辖范围与您本人的账号相同。令牌到期自动失效；您修改密码时，您的所有令牌立即作废。
      </Typography.Paragraph>
      <Form name="createToken" form={form} layout="vertical" initialValues={{ scope: 'read', expiresInDays: 90 }} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="name"
          label="令牌名称"
          extra="写明用途，便于日后识别，例如「东街社区呼叫器网关」"
          rules={[
            { required: true, whitespace: true, message: '请输入令牌名称' },
            { max: 64, message: '名称不能超过 64 个字' },
          ]}
        >
          <Input placeholder="请输入令牌名称" maxLength={64} />
        </Form.Item>
        <Form.Item name="scope" label="权限" extra="只读令牌只能查询；需要写入数据（如上报告警）时才选读写">
          <Radio.Group
            options={[
              { value: 'read', label: TOKEN_SCOPE_LABELS.read },
              { value: 'read_write', label: TOKEN_SCOPE_LABELS.read_write },
            ]}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label="有效期（天）" extra="默认 90 天，最长 365 天" rules={[{ required: true, message: '请输入有效期' }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
