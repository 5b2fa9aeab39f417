import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd'
import { applyServerError } from '../../shared/formErrors'
import { dayjs } from '../../shared/format'
import { changeElderStatus, elderKeys, type ElderDetail, type ElderStatus } from './api'

const TITLES: Record<ElderStatus, string> = { deceased: '登记死亡', moved_out: '登记迁出', active: '恢复在册' }

/** 登记死亡 / 迁出 / 恢复在册: publishes the status event that stops benefits, orders and visits. */
export function ElderStatusModal({ elder, status, onClose }: { elder: ElderDetail; status: ElderStatus | null; onClose: () => void }) {
  const [form] = Form.useForm<{ date?: dayjs.Dayjs; reason: string }>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const m = useMutation({
    mutationFn: (v: { date?: dayjs.Dayjs; reason: string }) =>
      changeElderStatus(elder.id, { status: status!, date: v.date?.format('YYYY-MM-DD'), reason: v.reason.trim(), version: elder.version }),
    onSuccess: async () => {
      message.success(`已${TITLES[status!]}`)
      await queryClient.invalidateQueries({ queryKey: elderKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })
  return (
    <Modal
      title={status ? `${TITLES[status]}：${elder.name}` : ''}
      open={!!status}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: status === 'deceased' }}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      {status && status !== 'active' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记后，补贴发放、服务工单和探访计划将按规定停止"
          description="该变更会通知相关业务模块，并记入档案历史和审计日志。如登记有误，可“恢复在册”。"
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => m.mutate(v)}>
        {status !== 'active' ? (
          <Form.Item name="date" label={status === 'deceased' ? '死亡日期' : '迁出日期'} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs()) || d.isBefore(dayjs(elder.birthDate))} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label="原因 / 依据" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={
              status === 'deceased'
                ? '如：家属告知，已核对死亡证明'
                : status === 'moved_out'
                  ? '如：迁往兰州市城关区随子女居住'
                  : '如：误登记，经核实仍在本社区居住'
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
