import { useMutation } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { PasswordStrength } from '../../shared/PasswordStrength'
import { passwordProblem } from '../../shared/password'
import { applyServerError } from '../../shared/formErrors'
import { authKeys, changePassword } from './api'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** 修改密码: one form → POST /auth/password. `forced` when the account must change it first. */
export function ChangePasswordModal({ open, forced, username, onClose }: { open: boolean; forced: boolean; username: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>()
  const newPassword = Form.useWatch('newPassword', form)
  const { message } = App.useApp()
  const queryClient = useQueryClient()

  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      message.success('密码已修改，下次登录请使用新密码')
      form.resetFields()
      await queryClient.invalidateQueries({ queryKey: authKeys.me })
      onClose()
    },
    onError: (err) => {
      applyServerError(err, form, (t) => message.error(t))
    },
  })

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => form.submit()}
      okText="确认修改"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onCancel={
        forced
          ? undefined
          : () => {
              form.resetFields()
              onClose()
            }
      }
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {forced ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="为了账号安全，请先修改初始密码"
          description="您正在使用管理员设置的初始密码或演示密码，修改后才能继续使用系统。"
        />
      ) : null}
      <Form name="changePassword" form={form} layout="vertical" requiredMark="optional" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={<PasswordStrength value={newPassword} />}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_r, v: string | undefined) => {
                const p = v ? passwordProblem(v, username) : null
                return p ? Promise.reject(new Error(p)) : Promise.resolve()
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
