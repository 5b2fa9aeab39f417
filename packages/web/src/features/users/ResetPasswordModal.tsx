import { useMutation } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal } from 'antd'
import type { User } from '../../api/client'
import { applyServerError } from '../../shared/formErrors'
import { passwordProblem } from '../../shared/password'
import { PasswordStrength } from '../../shared/PasswordStrength'
import { resetUserPassword } from './api'

/** 重置密码: set a new password for someone else → POST /users/:id/reset-password. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>()
  const value = Form.useWatch('newPassword', form)
  const { message } = App.useApp()
  const mutation = useMutation({
    mutationFn: (v: { newPassword: string }) => resetUserPassword(user!.id, v.newPassword),
    onSuccess: () => {
      message.success(`已重置「${user?.displayName}」的密码，请通过安全渠道告知本人`)
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={!!user}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText="确认重置"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="重置后该用户的所有登录会话将失效，下次登录须使用新密码，并需要自行修改。" />
      <Form name="resetPassword" form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={<PasswordStrength value={value} />}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_r, v: string | undefined) => {
                const p = v ? passwordProblem(v, user?.username) : null
                return p ? Promise.reject(new Error(p)) : Promise.resolve()
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
