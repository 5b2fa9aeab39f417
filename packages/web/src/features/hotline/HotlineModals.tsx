import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  hotlineCallBackResultLabels,
  hotlineCallBackResults,
  hotlineCategories,
  hotlineCategoryLabels,
  hotlineDepartmentLabels,
  hotlineDepartments,
  hotlineRouteKindLabels,
  hotlineRouteKinds,
  hotlineSatisfactionLabels,
  hotlineSatisfactions,
} from '@yiyang/core'
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd'
import { useEffect, useState } from 'react'
import type { RegionNode } from '../../api/client'
import { dayjs } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { searchElders } from '../assessments/api'
import { yuan } from '../orders/labels'
import { fetchProvider, fetchProviders } from '../providers/api'
import { fetchRegionTree, regionKeys } from '../regions/api'
import {
  bookHotlineService,
  callBackHotline,
  closeHotlineCall,
  dropHotlineCall,
  fileHotlineCall,
  hotlineKeys,
  raiseHotlineAlarm,
  replyHotlineCall,
  routeHotlineCall,
  takeHotlineCall,
  type HotlineDetail,
} from './api'

export type THotlineModal = null | 'intake' | 'route' | 'book' | 'raiseAlarm' | 'reply' | 'callBack' | 'close' | 'drop'

const titles: Record<Exclude<THotlineModal, null>, string> = {
  intake: '受理来电',
  route: '转办',
  book: '预约服务',
  raiseAlarm: '转紧急报警',
  reply: '记录办理结果',
  callBack: '回访来电人',
  close: '关闭工单',
  drop: '未接通关闭',
}

function streets(tree: RegionNode[] | undefined): RegionNode[] {
  const out: RegionNode[] = []
  const walk = (n: RegionNode) => {
    if (n.level === 'township') out.push(n)
    else n.children.forEach(walk)
  }
  tree?.forEach(walk)
  return out
}

/** The elder field: the ones the caller's phone matched first, any elder of the scope by name. */
function ElderSelect({ candidates, value, onChange }: { candidates?: HotlineDetail['candidates']; value?: string; onChange?: (v?: string) => void }) {
  const [keyword, setKeyword] = useState('')
  const found = useQuery({ queryKey: ['elders', 'search', keyword], queryFn: () => searchElders(keyword), enabled: keyword.length > 0 })
  const options = [
    ...(candidates ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.regionName ?? ''}，来电号码匹配）` })),
    ...(found.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.idNumber}，${e.regionName ?? ''}）` })),
  ]
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      aria-label="选择老人"
      placeholder="输入姓名搜索老人"
      notFoundContent={keyword ? '没有找到' : '请输入姓名搜索'}
      options={options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i)}
      value={value}
      onChange={onChange}
    />
  )
}

/** One action on a work order; the fields follow the action. */
export function HotlineActionModal({ kind, call, onClose }: { kind: THotlineModal; call: HotlineDetail; onClose: () => void }) {
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const routeKind = Form.useWatch('routeKind', form) as string | undefined
  const providerId = Form.useWatch('providerId', form) as string | undefined
  const regions = useQuery({ queryKey: regionKeys.tree, queryFn: fetchRegionTree, enabled: kind === 'route' })
  const providers = useQuery({
    queryKey: ['providers', 'active'],
    queryFn: () => fetchProviders({ status: 'active', page: 1, pageSize: 100 }),
    enabled: kind === 'route' || kind === 'book',
  })
  const provider = useQuery({
    queryKey: ['providers', 'detail', providerId],
    queryFn: () => fetchProvider(providerId!),
    enabled: kind === 'book' && !!providerId,
  })
  useEffect(() => {
    if (!kind) return
    form.resetFields()
    if (kind === 'intake') form.setFieldsValue({ category: call.category ?? undefined, summary: call.summary || undefined, elderId: call.elderId ?? undefined })
    if (kind === 'book') form.setFieldsValue({ serviceDate: dayjs().add(1, 'day'), quantity: 1 })
    if (kind === 'route') form.setFieldsValue({ routeKind: 'street' })
  }, [kind, form, call])
  const mutation = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const version = call.version
      const note = typeof v.note === 'string' ? v.note.trim() : ''
      switch (kind) {
        case 'intake':
          return takeHotlineCall(call.id, { version, category: v.category as never, summary: String(v.summary ?? ''), elderId: (v.elderId as string) ?? null })
        case 'route':
          return routeHotlineCall(call.id, { version, routeKind: v.routeKind as never, target: String(v.target ?? ''), note })
        case 'book':
          return bookHotlineService(call.id, {
            version,
            providerId: String(v.providerId),
            itemCode: String(v.itemCode),
            serviceDate: (v.serviceDate as dayjs.Dayjs).format('YYYY-MM-DD'),
            quantity: Number(v.quantity ?? 1),
            note: note || undefined,
          })
        case 'raiseAlarm':
          return raiseHotlineAlarm(call.id, note)
        case 'reply':
          return replyHotlineCall(call.id, note)
        case 'callBack':
          return callBackHotline(call.id, { version, result: v.result as never, note })
        case 'close':
          return closeHotlineCall(call.id, { version, satisfaction: v.satisfaction as never, note })
        case 'drop':
          return dropHotlineCall(call.id, note)
        default:
          throw new Error('no action')
      }
    },
    onSuccess: async () => {
      message.success(kind === 'raiseAlarm' ? '已转为紧急报警，请在报警中心认领处置' : '已保存')
      await queryClient.invalidateQueries({ queryKey: hotlineKeys.all })
      onClose()
    },
    onError: async (e) => {
      applyServerError(e, form, (t) => message.error(t))
      await queryClient.invalidateQueries({ queryKey: hotlineKeys.detail(call.id) })
    },
  })
  const routeTargets =
    routeKind === 'street'
      ? streets(regions.data).map((r) => ({ value: r.code, label: r.name }))
      : routeKind === 'provider'
        ? (providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))
        : hotlineDepartments.map((d) => ({ value: d, label: hotlineDepartmentLabels[d] }))
  return (
    <Modal
      open={!!kind}
      title={kind ? titles[kind] : ''}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: kind === 'raiseAlarm' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v as Record<string, unknown>)} requiredMark="optional">
        {kind === 'intake' ? (
          <>
            <Form.Item name="category" label="来电类别" rules={[{ required: true, message: '请选择来电类别' }]}>
              <Radio.Group aria-label="来电类别" optionType="button" options={hotlineCategories.map((c) => ({ value: c, label: hotlineCategoryLabels[c] }))} />
            </Form.Item>
            <Form.Item name="elderId" label="老人">
              <ElderSelect candidates={call.candidates} />
            </Form.Item>
            <Form.Item name="summary" label="来电内容" rules={[{ required: true, min: 2, message: '请填写来电内容' }]}>
              <Input.TextArea aria-label="来电内容" rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'route' ? (
          <>
            <Form.Item name="routeKind" label="转办给">
              <Radio.Group
                aria-label="转办对象类型"
                optionType="button"
                options={hotlineRouteKinds.map((k) => ({ value: k, label: hotlineRouteKindLabels[k] }))}
                onChange={() => form.setFieldValue('target', undefined)}
              />
            </Form.Item>
            <Form.Item name="target" label="转办对象" rules={[{ required: true, message: '请选择转办对象' }]}>
              <Select aria-label="转办对象" placeholder="请选择" options={routeTargets} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'book' ? (
          <>
            <Form.Item name="providerId" label="服务商" rules={[{ required: true, message: '请选择服务商' }]}>
              <Select
                aria-label="选择服务商"
                placeholder="选择服务商"
                options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                onChange={() => form.setFieldValue('itemCode', undefined)}
              />
            </Form.Item>
            <Form.Item name="itemCode" label="服务项目" rules={[{ required: true, message: '请选择服务项目' }]}>
              <Select
                aria-label="选择服务项目"
                disabled={!providerId}
                placeholder={providerId ? '选择服务项目' : '请先选择服务商'}
                options={(provider.data?.serviceItems ?? []).map((i) => ({ value: i.itemCode, label: `${i.itemName}（${yuan(i.standardPriceFen)}）` }))}
              />
            </Form.Item>
            <Form.Item name="serviceDate" label="服务日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker aria-label="服务日期" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="quantity" label="数量">
              <InputNumber aria-label="数量" min={0.1} max={100} step={0.5} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'callBack' ? (
          <Form.Item name="result" label="回访结果" rules={[{ required: true, message: '请选择回访结果' }]}>
            <Radio.Group aria-label="回访结果" options={hotlineCallBackResults.map((r) => ({ value: r, label: hotlineCallBackResultLabels[r] }))} />
          </Form.Item>
        ) : null}
        {kind === 'close' ? (
          <Form.Item name="satisfaction" label="来电人满意度" rules={[{ required: true, message: '请选择满意度' }]}>
            <Radio.Group aria-label="来电人满意度" options={hotlineSatisfactions.map((s) => ({ value: s, label: hotlineSatisfactionLabels[s] }))} />
          </Form.Item>
        ) : null}
        {kind && kind !== 'intake' ? (
          <Form.Item
            name="note"
            label={kind === 'reply' ? '办理结果' : '说明'}
            rules={kind === 'reply' ? [{ required: true, min: 2, message: '请填写办理结果' }] : undefined}
          >
            <Input.TextArea aria-label={kind === 'reply' ? '办理结果' : '说明'} rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}

/** A call typed in by the operator (not posted by the switchboard): number, category, words, elder. */
export function FileCallModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (v: { caller: string; category: string; summary: string; elderId?: string; callerName?: string }) =>
      fileHotlineCall({
        caller: v.caller,
        category: v.category as never,
        summary: v.summary,
        elderId: v.elderId ?? null,
        callerName: v.callerName || undefined,
      }),
    onSuccess: async (d) => {
      message.success('工单已登记')
      await queryClient.invalidateQueries({ queryKey: hotlineKeys.all })
      onDone(d.id)
      onClose()
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  return (
    <Modal
      open={open}
      title="登记来电"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark="optional">
        <Form.Item name="caller" label="来电号码" rules={[{ required: true, message: '请填写来电号码' }]}>
          <Input aria-label="来电号码" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="callerName" label="来电人">
          <Input aria-label="来电人" maxLength={40} />
        </Form.Item>
        <Form.Item name="category" label="来电类别" rules={[{ required: true, message: '请选择来电类别' }]}>
          <Radio.Group aria-label="来电类别" optionType="button" options={hotlineCategories.map((c) => ({ value: c, label: hotlineCategoryLabels[c] }))} />
        </Form.Item>
        <Form.Item name="elderId" label="老人">
          <ElderSelect />
        </Form.Item>
        <Form.Item name="summary" label="来电内容" rules={[{ required: true, min: 2, message: '请填写来电内容' }]}>
          <Input.TextArea aria-label="来电内容" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
