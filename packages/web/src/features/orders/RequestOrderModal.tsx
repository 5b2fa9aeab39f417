import { orderRequesterKindLabels, orderRequestKinds as orderRequesterKinds, type TOrderRequesterKind } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, TimePicker } from 'antd'
import { useEffect, useState } from 'react'
import { dayjs } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { searchElders } from '../assessments/api'
import { fetchProvider, fetchProviders } from '../providers/api'
import { orderKeys, requestOrder, type OrderDetail } from './api'
import { yuan } from './labels'

type Values = {
  elderId: string
  providerId: string
  itemCode: string
  serviceDate: dayjs.Dayjs
  windowStart?: dayjs.Dayjs
  quantity: number
  plannedMinutes: number
  requesterKind: Exclude<TOrderRequesterKind, 'canteen'>
  note?: string
}

/** A request (community worker, hotline, or for the family): elder, provider, item from the provider's list, date and time. */
export function RequestOrderModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone?: (o: OrderDetail) => void }) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [keyword, setKeyword] = useState('')
  const providerId = Form.useWatch('providerId', form)
  const elders = useQuery({ queryKey: ['elders', 'search', keyword], queryFn: () => searchElders(keyword), enabled: open && keyword.length > 0 })
  const providers = useQuery({ queryKey: ['providers', 'active'], queryFn: () => fetchProviders({ status: 'active', page: 1, pageSize: 100 }), enabled: open })
  const provider = useQuery({ queryKey: ['providers', 'detail', providerId], queryFn: () => fetchProvider(providerId), enabled: open && !!providerId })

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ serviceDate: dayjs(), quantity: 1, plannedMinutes: 60, requesterKind: 'family' })
  }, [open, form])

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      requestOrder({
        elderId: v.elderId,
        providerId: v.providerId,
        itemCode: v.itemCode,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        windowStart: v.windowStart ? v.serviceDate.hour(v.windowStart.hour()).minute(v.windowStart.minute()).second(0).toISOString() : null,
        quantity: v.quantity,
        plannedMinutes: v.plannedMinutes,
        requesterKind: v.requesterKind,
        note: v.note?.trim() || null,
      }),
    onSuccess: async (o) => {
      message.success(`已生成工单 ${o.orderNo}：应付 ${yuan(o.priceFen)}，其中补贴 ${yuan(o.subsidyFen)}，自付 ${yuan(o.selfPayFen)}`)
      await queryClient.invalidateQueries({ queryKey: orderKeys.all })
      onDone?.(o)
      onClose()
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })

  return (
    <Modal
      open={open}
      title="申请服务"
      okText="提交申请"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark="optional">
        <Form.Item name="elderId" label="老年人" rules={[{ required: true, message: '请选择老人' }]}>
          <Select
            // The select clears its search text once an elder is chosen; keeping the last keyword keeps
            // the chosen elder among the options, so the field still shows (and holds) them.
            showSearch={{ filterOption: false, onSearch: (v) => v.trim() && setKeyword(v.trim()) }}
            aria-label="选择老人"
            placeholder="输入姓名或身份证号搜索"
            notFoundContent={keyword ? '没有找到' : '请输入姓名搜索'}
            options={(elders.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.idNumber}，${e.regionName ?? ''}）` }))}
          />
        </Form.Item>
        <Form.Item name="providerId" label="服务商" rules={[{ required: true, message: '请选择服务商' }]}>
          <Select
            aria-label="选择服务商"
            placeholder="选择服务商"
            loading={providers.isPending}
            options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={() => form.setFieldValue('itemCode', undefined)}
          />
        </Form.Item>
        <Form.Item name="itemCode" label="服务项目" rules={[{ required: true, message: '请选择服务项目' }]}>
          <Select
            aria-label="选择服务项目"
            placeholder={providerId ? '选择服务项目' : '请先选择服务商'}
            disabled={!providerId}
            options={(provider.data?.serviceItems ?? []).map((i) => ({ value: i.itemCode, label: `${i.itemName}（${yuan(i.standardPriceFen)}）` }))}
          />
        </Form.Item>
        <Form.Item label="服务时间" required style={{ marginBottom: 0 }}>
          <Form.Item name="serviceDate" rules={[{ required: true, message: '请选择日期' }]} style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <DatePicker aria-label="服务日期" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="windowStart" style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}>
            <TimePicker aria-label="预约开始时间" format="HH:mm" minuteStep={15} style={{ width: '100%' }} placeholder="开始时间" />
          </Form.Item>
        </Form.Item>
        <Form.Item label="数量与时长" style={{ marginBottom: 0 }}>
          <Form.Item name="quantity" rules={[{ required: true, message: '请填写数量' }]} style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <InputNumber aria-label="数量" min={0.1} max={100} step={0.5} precision={1} style={{ width: '100%' }} suffix="单位" />
          </Form.Item>
          <Form.Item name="plannedMinutes" style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}>
            <InputNumber aria-label="计划时长（分钟）" min={5} max={720} step={15} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="requesterKind" label="申请来源">
          <Select aria-label="申请来源" options={orderRequesterKinds.map((k) => ({ value: k, label: orderRequesterKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea aria-label="备注" rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
