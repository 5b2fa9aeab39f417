import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { alarmOutcomeLabels, callBackResultLabels } from '@yiyang/core'
import { App, Form, Input, Modal, Radio, Select } from 'antd'
import { errorMessage } from '../../api/client'
import { applyServerError } from '../../shared/formErrors'
import { alarmKeys, callBack, closeAlarm, dispatchAlarm, fetchResponders, notifyFamily, type AlarmDetail } from './api'

export type TActionModal = 'callBack' | 'dispatch' | 'notify' | 'close' | null

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }))

/** The operator's four forms on a claimed alarm: call-back record, dispatch, family notice, close with outcome. */
export function AlarmActionModal({ alarm, open, onClose }: { alarm: AlarmDetail; open: TActionModal; onClose: () => void }) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm()
  const responders = useQuery({ queryKey: alarmKeys.responders(alarm.id), queryFn: () => fetchResponders(alarm.id), enabled: open === 'dispatch' })
  const done = async (text: string) => {
    message.success(text)
    form.resetFields()
    onClose()
    await queryClient.invalidateQueries({ queryKey: alarmKeys.all })
  }
  const submit = useMutation({
    mutationFn: async (v: Record<string, string>) => {
      if (open === 'callBack') return callBack(alarm.id, { result: v.result as never, note: v.note ?? '', version: alarm.version }).then(() => '已记录回拨')
      if (open === 'dispatch') return dispatchAlarm(alarm.id, { responderId: v.responderId!, note: v.note ?? '', version: alarm.version }).then(() => '已派单')
      if (open === 'notify') return notifyFamily(alarm.id, v.message!).then((r) => `已通知 ${r.sent} 位家属${r.failed ? `，${r.failed} 位未送达` : ''}`)
      return closeAlarm(alarm.id, { outcome: v.outcome as never, note: v.note ?? '', version: alarm.version }).then(() => '报警已关闭')
    },
    onSuccess: (text) => done(text),
    onError: (err) => applyServerError(err, form, (t) => message.error(t || errorMessage(err))),
  })
  const title = { callBack: '记录回拨', dispatch: '派单给响应人', notify: '通知家属', close: '关闭报警' }[open ?? 'close']
  return (
    <Modal
      title={title}
      open={!!open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} preserve={false}>
        {open === 'callBack' ? (
          <>
            <Form.Item name="result" label="回拨结果" rules={[{ required: true, message: '请选择回拨结果' }]}>
              <Radio.Group options={options(callBackResultLabels)} optionType="button" />
            </Form.Item>
            <Form.Item name="note" label="通话情况">
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：老人称在卫生间摔倒，意识清楚" />
            </Form.Item>
          </>
        ) : null}
        {open === 'dispatch' ? (
          <>
            <Form.Item name="responderId" label="响应人" rules={[{ required: true, message: '请选择响应人' }]}>
              <Select
                aria-label="响应人"
                loading={responders.isLoading}
                placeholder="负责该社区的社区工作人员或护理员"
                options={(responders.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.displayName}（${r.role === 'caregiver' ? '护理员' : '社区工作人员'}）`,
                }))}
                notFoundContent="该社区暂无可派单人员"
              />
            </Form.Item>
            <Form.Item name="note" label="派单说明">
              <Input.TextArea rows={2} maxLength={500} placeholder="如：请立即上门查看，必要时拨打120" />
            </Form.Item>
          </>
        ) : null}
        {open === 'notify' ? (
          <Form.Item
            name="message"
            label="通知内容"
            initialValue={`您的家人${alarm.elder?.name ?? ''}触发了紧急报警，12349服务中心正在处理，请保持电话畅通。`}
            rules={[{ required: true, whitespace: true, message: '请填写通知内容' }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        ) : null}
        {open === 'close' ? (
          <>
            <Form.Item name="outcome" label="处置结果" rules={[{ required: true, message: '请选择处置结果' }]}>
              <Select aria-label="处置结果" options={options(alarmOutcomeLabels)} placeholder="请选择" />
            </Form.Item>
            <Form.Item name="note" label="处置说明" rules={[{ required: true, whitespace: true, min: 2, message: '请填写处置说明' }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  )
}
