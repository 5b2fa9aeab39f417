import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Form, Input, Modal, Select } from 'antd'
import { useEffect } from 'react'
import type { Role, User } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { applyServerError } from '../../shared/formErrors'
import { passwordProblem } from '../../shared/password'
import { PasswordStrength } from '../../shared/PasswordStrength'
import { roleLabel } from '../../shared/labels'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { createUser, fetchGrantableRoles, updateUser, userKeys } from './api'

interface Values {
  username: string
  displayName: string
  role: Role
  scopeRegionCode: string
  phone?: string
  password?: string
}

const PHONE_RE = /^1\d{10}$/

/**
 * 新建用户 / 编辑用户. The phone comes back masked from the server, so when editing the field
 * starts empty and is only sent when the admin types a new number.
 */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const editing = !!user
  const { elderMode } = useElderMode()
  const [form] = Form.useForm<Values>()
  const password = Form.useWatch('password', form)
  const username = Form.useWatch('username', form)
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const roles = useQuery({ queryKey: userKeys.roles, queryFn: fetchGrantableRoles, enabled: open, staleTime: 10 * 60_000 })

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        scopeRegionCode: user.scopeRegionCode,
      })
    }
  }, [open, user, form])

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const phone = v.phone?.trim() || undefined
      if (user) {
        return updateUser(user.id, {
          displayName: v.displayName.trim(),
          role: v.role,
          scopeRegionCode: v.scopeRegionCode,
          ...(phone ? { phone } : {}),
        })
      }
      return createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        scopeRegionCode: v.scopeRegionCode,
        password: v.password ?? '',
        ...(phone ? { phone } : {}),
      })
    },
    onSuccess: async (saved) => {
      message.success(editing ? `已保存「${saved.displayName}」的修改` : `已创建用户「${saved.displayName}」`)
      await queryClient.invalidateQueries({ queryKey: userKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  // The role being edited may be one I cannot grant; keep it visible so the select is not blank.
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.role, label: r.label || roleLabel(r.role) }))
  if (user && !roleOptions.some((o) => o.value === user.role)) {
    roleOptions.push({ value: user.role, label: roleLabel(user.role) })
  }

  return (
    <Modal
      title={editing ? `编辑用户：${user.displayName}` : '新建用户'}
      open={open}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={editing ? '保存' : '创建'}
      cancelText="取消"
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={elderMode ? 780 : 600}
    >
      <Form name="userForm" form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark>
        <Form.Item
          name="username"
          label="用户名"
          extra={editing ? '用户名创建后不能修改' : '用于登录，建议使用姓名拼音，3–64 位字母、数字、点、下划线或短横线'}
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: '用户名为 3–64 位字母、数字、点、下划线或短横线' },
          ]}
        >
          <Input disabled={editing} autoComplete="off" placeholder="例如 zhangsan" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 64, message: '姓名不能超过 64 个字' },
          ]}
        >
          <Input placeholder="请输入真实姓名" maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="只能授予不高于您本人的角色">
          <Select
            options={roleOptions}
            loading={roles.isPending}
            placeholder="请选择角色"
            notFoundContent={roles.isError ? '角色列表加载失败' : '暂无可授予的角色'}
          />
        </Form.Item>
        <Form.Item
          name="scopeRegionCode"
          label="管辖范围"
          rules={[{ required: true, message: '请选择管辖的行政区划' }]}
          extra="该用户只能查看和处理所选区划及其下级的数据"
        >
          <RegionTreeSelect placeholder="请选择管辖的行政区划" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          extra={editing && user.phone ? `当前：${user.phone}；不修改请留空` : '选填，用于接收通知'}
          rules={[{ pattern: PHONE_RE, message: '请输入 11 位手机号码' }]}
        >
          <Input inputMode="numeric" placeholder={editing ? '输入新的手机号' : '请输入 11 位手机号'} maxLength={11} autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            name="password"
            label="初始密码"
            extra={
              <>
                <PasswordStrength value={password} />
                <div>用户首次登录后需要修改初始密码。</div>
              </>
            }
            rules={[
              { required: true, message: '请设置初始密码' },
              {
                validator: (_r, v: string | undefined) => {
                  const p = v ? passwordProblem(v, username) : null
                  return p ? Promise.reject(new Error(p)) : Promise.resolve()
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" placeholder="请设置初始密码" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
