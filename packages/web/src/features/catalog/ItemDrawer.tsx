import { elderCategoryLabels, typedElderCategories, derivedElderCategories, yuanToFen, fenToYuanString } from '@yiyang/core'
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { applyServerError } from '../../shared/formErrors'
import { addItem, catalogKeys, updateItem, type CatalogEdition, type CatalogItem } from './api'
import { categoryOptions, payerOptions, unitOptions } from './labels'

type TValues = {
  code: string
  name: string
  category: string
  unit: string
  priceYuan: number
  payer: string
  categories: string[]
  ruleText: string
  content: string
  standard: string
  legalBasis: string
  reason: string
}

const targetOptions = [...typedElderCategories, ...derivedElderCategories].map((c) => ({ value: c, label: elderCategoryLabels[c] }))

/** Add or change one item of a draft; a change to a copied edition needs its reason. */
export function ItemDrawer({ edition, item, open, onClose }: { edition: CatalogEdition; item: CatalogItem | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TValues>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const needsReason = !!edition.basedOnId

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (item)
      form.setFieldsValue({
        code: item.code,
        name: item.name,
        category: item.category,
        unit: item.unit,
        priceYuan: Number(fenToYuanString(item.priceFen)),
        payer: item.payer,
        categories: item.target.categories,
        ruleText: item.target.rule ? JSON.stringify(item.target.rule) : '',
        content: item.content,
        standard: item.standard,
        legalBasis: item.legalBasis,
        reason: item.change === 'unchanged' ? '' : item.reason,
      })
  }, [open, item, form])

  const save = useMutation({
    mutationFn: (v: TValues) => {
      let rule: unknown = null
      if (v.ruleText?.trim()) {
        try {
          rule = JSON.parse(v.ruleText)
        } catch {
          throw new Error('服务对象规则不是有效的规则格式（JSON），请检查括号和引号')
        }
      }
      const body = {
        name: v.name,
        category: v.category as CatalogItem['category'],
        unit: v.unit as CatalogItem['unit'],
        priceFen: yuanToFen(v.priceYuan),
        payer: v.payer as CatalogItem['payer'],
        target: { categories: v.categories ?? [], rule },
        content: v.content ?? '',
        standard: v.standard ?? '',
        legalBasis: v.legalBasis ?? '',
        reason: v.reason ?? '',
      }
      return item ? updateItem(edition.id, item.code, body) : addItem(edition.id, { ...body, code: v.code.trim().toUpperCase() })
    },
    onSuccess: async (saved) => {
      message.success(item ? `已保存“${saved.name}”` : `已新增“${saved.name}”`)
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all })
      onClose()
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  return (
    <Drawer
      title={item ? `调整项目：${item.name}` : '新增服务项目'}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space.Compact block>
          <Form.Item name="code" label="项目编码" rules={[{ required: true, message: '请填写项目编码' }]} style={{ width: '40%' }} extra="如 ZC-001">
            <Input disabled={!!item} maxLength={32} aria-label="项目编码" />
          </Form.Item>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]} style={{ width: '60%', paddingLeft: 12 }}>
            <Input maxLength={60} aria-label="项目名称" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="category" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]} style={{ width: '50%' }}>
            <Select options={categoryOptions} aria-label="服务类别" showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="payer" label="支付责任" rules={[{ required: true, message: '请选择支付责任' }]} style={{ width: '50%', paddingLeft: 12 }}>
            <Select options={payerOptions} aria-label="支付责任" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, message: '请填写价格' }]} style={{ width: '50%' }}>
            <InputNumber min={0} max={1000000} precision={2} step={1} style={{ width: '100%' }} aria-label="价格（元）" />
          </Form.Item>
          <Form.Item name="unit" label="计价单位" rules={[{ required: true, message: '请选择计价单位' }]} style={{ width: '50%', paddingLeft: 12 }}>
            <Select options={unitOptions} aria-label="计价单位" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="categories" label="服务对象（老年人类别，任一即可；不选为全体老年人）">
          <Select mode="multiple" options={targetOptions} aria-label="服务对象" optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="ruleText"
          label="或按规则（可选，规则语言）"
          extra={item?.target.rule ? `现为：${item.targetText}` : '例：{"field":"age","op":"gte","value":65} 表示 65 岁及以上；与上面的类别为“或”的关系。'}
        >
          <Input.TextArea rows={2} maxLength={2000} aria-label="服务对象规则" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="content" label="服务内容">
          <Input.TextArea rows={3} maxLength={1000} aria-label="服务内容" />
        </Form.Item>
        <Form.Item name="standard" label="服务标准">
          <Input.TextArea rows={3} maxLength={1000} aria-label="服务标准" />
        </Form.Item>
        <Form.Item name="legalBasis" label="政策依据">
          <Input maxLength={500} aria-label="政策依据" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="变更原因"
          rules={needsReason ? [{ required: true, min: 2, message: '请填写变更原因（至少2个字）' }] : []}
          extra={needsReason ? '本版基于已发布版本，新增或调整的项目须说明原因，会显示在版本对比中。' : '首版清单可不填。'}
        >
          <Input.TextArea rows={2} maxLength={300} aria-label="变更原因" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
