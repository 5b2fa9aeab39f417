import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { applyServerError } from '../../shared/formErrors'
import { elderKeys, fetchElders, mergeElders, type ElderDetail } from './api'

/** 合并重复档案: pick the duplicate (same person registered twice) to fold into this record. */
export function MergeModal({ elder, open, onClose }: { elder: ElderDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ duplicateId: string; reason: string }>()
  const [q, setQ] = useState(elder.name)
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const candidates = useQuery({
    queryKey: elderKeys.list({ q, page: 1, pageSize: 20 }),
    queryFn: () => fetchElders({ q, page: 1, pageSize: 20 }),
    enabled: open && q.trim().length > 0,
  })
  const m = useMutation({
    mutationFn: (v: { duplicateId: string; reason: string }) => mergeElders(elder.id, v.duplicateId, v.reason.trim()),
    onSuccess: async () => {
      message.success('已合并，重复档案已并入本档案')
      await queryClient.invalidateQueries({ queryKey: elderKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })
  return (
    <Modal
      title={`合并重复档案到「${elder.name}」`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="合并"
      cancelText="取消"
      confirmLoading={m.isPending}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="用于同一人被重复建档（例如身份证号录错）"
        description="重复档案中本档案没有的电话、住址、联系人会补入本档案，类别取并集；重复档案不再出现在名单中，但历史记录保留。"
      />
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item name="duplicateId" label="重复的档案" rules={[{ required: true, message: '请选择重复的档案' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder="输入姓名或身份证号查找"
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? [])
              .filter((e) => e.id !== elder.id)
              .map((e) => ({ value: e.id, label: `${e.name}　${e.idNumber}　${e.regionName ?? ''}　${e.age}岁` }))}
            notFoundContent={candidates.isFetching ? '正在查找…' : '没有找到其他档案'}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="合并原因"
          rules={[
            { required: true, whitespace: true, message: '请填写合并原因' },
            { min: 2, message: '请填写具体原因' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：同一人重复建档，旧档案身份证号录错一位" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
