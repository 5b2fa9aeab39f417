import { useMutation, useQueryClient } from '@tanstack/react-query'
import { describeRule, validateRule, type TRule } from '@yiyang/core'
import { Alert, App, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { applyServerError } from '../../shared/formErrors'
import { createRule, updateRule, worklistKeys, type RuleField, type WorklistRule } from './api'

interface Values {
  id?: string
  name: string
  description: string
  ruleJson: string
  reappearAfterDays: number
  isActive: boolean
}

const EXAMPLE = JSON.stringify(
  {
    all: [
      { field: 'age', op: 'gte', value: 80 },
      { field: 'livingArrangement', op: 'in', value: ['living_alone'] },
      { field: 'hasVisitPlan', op: 'eq', value: false },
    ],
  },
  null,
  2,
)

/** 筛查规则编辑 (bureau admin): the rule is JSON in the core rule language, checked as you type. */
export function RuleEditorModal({ open, rule, fields, onClose }: { open: boolean; rule: WorklistRule | null; fields: RuleField[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const json = Form.useWatch('ruleJson', form)
  const check = useMemo(() => {
    if (!json) return null
    try {
      const v = validateRule(JSON.parse(json))
      return v.ok
        ? { ok: true as const, text: describeRule(v.rule as TRule) }
        : { ok: false as const, text: v.errors.map((e) => `${e.path}：${e.message}`).join('；') }
    } catch {
      return { ok: false as const, text: '不是有效的 JSON' }
    }
  }, [json])

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      rule
        ? {
            name: rule.name,
            description: rule.description,
            ruleJson: JSON.stringify(rule.rule, null, 2),
            reappearAfterDays: rule.reappearAfterDays,
            isActive: rule.isActive,
          }
        : { ruleJson: EXAMPLE, reappearAfterDays: 30, isActive: true, description: '' },
    )
  }, [open, rule, form])

  const m = useMutation({
    mutationFn: (v: Values) => {
      const parsed = JSON.parse(v.ruleJson) as unknown
      return rule
        ? updateRule(rule.id, {
            version: rule.version,
            name: v.name,
            description: v.description,
            rule: parsed,
            reappearAfterDays: v.reappearAfterDays,
            isActive: v.isActive,
          })
        : createRule({ id: v.id!, name: v.name, description: v.description, rule: parsed, reappearAfterDays: v.reappearAfterDays, isActive: v.isActive })
    },
    onSuccess: async () => {
      message.success('规则已保存，重新筛查后生效')
      await queryClient.invalidateQueries({ queryKey: worklistKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  return (
    <Modal
      title={rule ? `编辑规则：${rule.name}` : '新建筛查规则'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      width={760}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        {!rule ? (
          <Form.Item
            name="id"
            label="规则编号"
            rules={[
              { required: true, message: '请填写编号' },
              { pattern: /^[a-z][a-z0-9_]{2,60}$/, message: '小写字母、数字和下划线，以字母开头' },
            ]}
          >
            <Input placeholder="如 no_guardian_90" className="yy-mono" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="ruleJson"
          label="条件（JSON）"
          validateFirst
          rules={[
            { required: true, message: '请填写条件' },
            {
              validator: async () => {
                if (check && !check.ok) throw new Error(check.text)
              },
            },
          ]}
          extra={<span>可用字段：{fields.map((f) => `${f.name}（${f.label}）`).join('、')}</span>}
        >
          <Input.TextArea rows={10} className="yy-mono" spellCheck={false} />
        </Form.Item>
        {check?.ok ? <Alert type="success" showIcon style={{ marginBottom: 16 }} title="规则含义" description={check.text} /> : null}
        <Form.Item name="reappearAfterDays" label="处理后多少天重新出现（条件仍成立时）" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={3650} addonAfter="天" />
        </Form.Item>
        <Form.Item name="isActive" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Text type="secondary">
          运算：eq 等于、ne 不等于、gt/gte/lt/lte 比较、in 属于、contains 包含、withinDays 最近N天内、olderThanDays 早于N天前、isNull 为空；组合：all
          全部满足、any 任一满足、not 不满足。
        </Typography.Text>
      </Form>
    </Modal>
  )
}
