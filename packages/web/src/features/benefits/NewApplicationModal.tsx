import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Select, Spin, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { applyServerError } from '../../shared/formErrors'
import { searchElders, type ElderOption } from '../assessments/api'
import { benefitKeys, createApplication, fetchElderBenefits, fetchProgrammes, yuan, type ApplicationDetail } from './api'
import { Clauses } from './Clauses'

type Values = { elderId: string; programmeCode: string; note?: string }

/** File an application for an elder in scope; the clauses for the chosen programme show at once. */
export function NewApplicationModal({
  open,
  onClose,
  onCreated,
  elder,
  programmeCode,
}: {
  open: boolean
  onClose: () => void
  onCreated?: (a: ApplicationDetail) => void
  elder?: { id: string; name: string } | null
  programmeCode?: string
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [keyword, setKeyword] = useState('')
  const [picked, setPicked] = useState<ElderOption | null>(null)
  const elderId = Form.useWatch('elderId', form)
  const code = Form.useWatch('programmeCode', form)
  const programmes = useQuery({ queryKey: benefitKeys.programmes, queryFn: fetchProgrammes, enabled: open })
  const elders = useQuery({ queryKey: ['elders', 'search', keyword], queryFn: () => searchElders(keyword), enabled: open && !elder && keyword.length > 0 })
  const facts = useQuery({ queryKey: benefitKeys.elder(elderId ?? ''), queryFn: () => fetchElderBenefits(elderId!), enabled: open && !!elderId })
  const result = facts.data?.eligibility.find((r) => r.program === code)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ elderId: elder?.id, programmeCode })
    setPicked(null)
    setKeyword('')
  }, [open, elder, programmeCode, form])

  const create = useMutation({
    mutationFn: (v: Values) => createApplication({ elderId: v.elderId, programmeCode: v.programmeCode, note: v.note || null }),
    onSuccess: async (a) => {
      message.success('已填写申请（草稿），请核对后提交')
      await queryClient.invalidateQueries({ queryKey: benefitKeys.all })
      onClose()
      onCreated?.(a)
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  return (
    <Modal title="新建补贴申请" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存草稿" confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="elderId" label="老年人" rules={[{ required: true, message: '请选择老年人' }]}>
          {elder ? (
            <Select aria-label="老年人" disabled options={[{ value: elder.id, label: elder.name }]} />
          ) : (
            <Select
              showSearch={{ filterOption: false, onSearch: setKeyword }}
              aria-label="老年人"
              placeholder="输入姓名或身份证号搜索"
              notFoundContent={elders.isFetching ? <Spin size="small" /> : keyword ? '没有找到' : '请输入姓名或身份证号'}
              options={(elders.data ?? []).map((e) => ({ value: e.id, label: `${e.name}　${e.age}岁　${e.regionName ?? ''}` }))}
              onChange={(id: string) => setPicked(elders.data?.find((e) => e.id === id) ?? null)}
            />
          )}
        </Form.Item>
        <Form.Item name="programmeCode" label="补贴项目" rules={[{ required: true, message: '请选择补贴项目' }]}>
          <Select
            aria-label="补贴项目"
            placeholder="请选择"
            options={(programmes.data ?? []).filter((p) => p.isActive).map((p) => ({ value: p.code, label: p.name }))}
          />
        </Form.Item>
        {result ? (
          <Alert
            type={result.eligible ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              result.eligible
                ? `按现有信息符合条件，月标准 ${yuan(result.amountFen)}${result.chosen ? '' : '（同类补贴择高享受，本项不是最高）'}`
                : '按现有信息暂不符合条件（仍可申请，街道审核时按最新信息判断）'
            }
            description={<Clauses clauses={result.clauses} />}
          />
        ) : null}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：老人本人申请，户口簿已核" />
        </Form.Item>
        {picked ? <Typography.Text type="secondary">{picked.regionName}</Typography.Text> : null}
      </Form>
    </Modal>
  )
}
