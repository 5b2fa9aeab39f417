import { useMutation, useQueryClient } from '@tanstack/react-query'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  ageOn,
  ELDER_MIN_AGE,
  elderInputWarnings,
  isValidPhoneText,
  normalizeIdNumberText,
  normalizePhoneText,
  parseIdNumber,
  todayInShanghai,
  type TLivingArrangement,
  type TTypedElderCategory,
} from '@yiyang/core'
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd'
import { LocationPicker } from './LocationPicker'
import { useEffect, useMemo } from 'react'
import { useElderMode } from '../../app/elderMode'
import { applyServerError } from '../../shared/formErrors'
import { dayjs } from '../../shared/format'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { createElder, elderKeys, updateElder, type Contact, type ElderDetail, type ElderInput } from './api'
import { HUKOU_OPTIONS, LIVING_OPTIONS, sexLabel, TYPED_CATEGORY_OPTIONS } from './labels'

interface Values {
  name: string
  idNumber?: string
  regionCode?: string
  hukou: 'local' | 'non_local'
  livingArrangement: TLivingArrangement
  categories: TTypedElderCategory[]
  address?: string
  phone?: string
  contacts: Contact[]
  chronicConditions: string[]
  hasFamilyDoctor: boolean
  familyDoctorDate?: dayjs.Dayjs | null
  familyDoctorName?: string
  hasVisitPlan: boolean
  note?: string
  underAgeReason?: string
  homeLat?: number | null
  homeLng?: number | null
}

/** Core's cleaner (spaces, dashes, full width, +86), the same the API and the import use. */
const phoneRule = {
  validator: async (_r: unknown, v?: string) => {
    if (v?.trim() && !isValidPhoneText(v)) throw new Error('请输入11位手机号或带区号的固定电话')
  },
}
const cleanPhone = (v?: string) => (v?.trim() ? normalizePhoneText(v) : null)
const CHRONIC_OPTIONS = ['高血压', '糖尿病', '冠心病', '慢性阻塞性肺病', '脑卒中后遗症', '关节炎', '骨质疏松', '白内障', '阿尔茨海默病', '帕金森病'].map(
  (v) => ({ value: v, label: v }),
)

/** Village (community) codes end in a non-zero 3-digit number; the elder's region must be one. */
const isVillage = (code?: string) => !!code && /^\d{12}$/.test(code) && code.slice(9) !== '000'

/**
 * 新建 / 编辑老年人档案. Typing the ID number fills birth date, sex and age at once (they are never
 * typed twice). When editing, protected fields come masked: leave them empty to keep them.
 */
export function ElderFormModal({
  open,
  elder,
  onClose,
  onSaved,
}: {
  open: boolean
  elder: ElderDetail | null
  onClose: () => void
  onSaved?: (e: ElderDetail) => void
}) {
  const editing = !!elder
  const { elderMode } = useElderMode()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const idNumber = Form.useWatch('idNumber', form)
  const hasFamilyDoctor = Form.useWatch('hasFamilyDoctor', form)
  const homeLat = Form.useWatch('homeLat', form)
  const homeLng = Form.useWatch('homeLng', form)
  const today = todayInShanghai()
  const parsed = useMemo(() => (idNumber && normalizeIdNumberText(idNumber).length >= 15 ? parseIdNumber(idNumber, today) : null), [idNumber, today])
  const age = parsed?.ok ? ageOn(parsed.birthDate, today) : null
  const isUnderAge = age !== null && age < ELDER_MIN_AGE

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (elder) {
      form.setFieldsValue({
        name: elder.name,
        regionCode: elder.regionCode,
        hukou: elder.hukou, // The detail answers these as plain strings; they are the codes the form offers.
        livingArrangement: elder.livingArrangement as TLivingArrangement,
        categories: elder.typedCategories as TTypedElderCategory[],
        contacts: [],
        chronicConditions: elder.chronicConditions,
        hasFamilyDoctor: elder.hasFamilyDoctor,
        familyDoctorDate: elder.familyDoctorDate ? dayjs(elder.familyDoctorDate) : null,
        familyDoctorName: elder.familyDoctorName ?? undefined,
        hasVisitPlan: elder.hasVisitPlan,
        note: elder.note ?? undefined,
        homeLat: elder.homeLat,
        homeLng: elder.homeLng,
      })
    }
  }, [open, elder, form])

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const contacts = (v.contacts ?? [])
        .filter((c) => c && c.name?.trim())
        .map((c) => ({ ...c, phone: normalizePhoneText(c.phone), relation: c.relation ?? '', isGuardian: !!c.isGuardian }))
      const body: ElderInput = {
        name: v.name.trim(),
        idNumber: v.idNumber?.trim() ? normalizeIdNumberText(v.idNumber) : '',
        regionCode: v.regionCode ?? '',
        hukou: v.hukou,
        livingArrangement: v.livingArrangement,
        categories: v.categories ?? [],
        address: v.address?.trim() || null,
        phone: cleanPhone(v.phone),
        contacts,
        chronicConditions: v.chronicConditions ?? [],
        hasFamilyDoctor: v.hasFamilyDoctor,
        familyDoctorDate: v.hasFamilyDoctor && v.familyDoctorDate ? v.familyDoctorDate.format('YYYY-MM-DD') : null,
        familyDoctorName: v.hasFamilyDoctor ? v.familyDoctorName?.trim() || null : null,
        hasVisitPlan: v.hasVisitPlan,
        note: v.note?.trim() || null,
        homeLat: v.homeLat ?? null,
        homeLng: v.homeLng ?? null,
        ...(isUnderAge && v.underAgeReason?.trim() ? { underAgeReason: v.underAgeReason.trim() } : {}),
      }
      if (!elder) return createElder(body)
      const { idNumber: id, address, phone, contacts: cs, ...rest } = body
      return updateElder(elder.id, {
        ...rest,
        version: elder.version,
        ...(id ? { idNumber: id } : {}),
        ...(address ? { address } : {}),
        ...(phone ? { phone } : {}),
        ...(cs?.length ? { contacts: cs } : {}),
      })
    },
    onSuccess: async (e) => {
      message.success(editing ? `已保存「${e.name}」的档案` : `已为「${e.name}」建档`)
      await queryClient.invalidateQueries({ queryKey: elderKeys.all })
      onClose()
      onSaved?.(e)
    },
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })

  const labelCol = elderMode ? undefined : { span: 6 }
  return (
    <Modal
      title={editing ? `编辑档案：${elder?.name}` : '新建老年人档案'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? '保存' : '建档'}
      cancelText="取消"
      confirmLoading={mutation.isPending}
      width={elderMode ? 980 : 860}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout={elderMode ? 'vertical' : 'horizontal'}
        labelCol={labelCol}
        initialValues={{
          hukou: 'local',
          livingArrangement: 'with_children',
          categories: [],
          contacts: [],
          chronicConditions: [],
          hasFamilyDoctor: false,
          hasVisitPlan: false,
        }}
        onFinish={(v) => mutation.mutate(v)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label="姓名"
              labelCol={elderMode ? undefined : { span: 8 }}
              rules={[
                { required: true, whitespace: true, message: '请填写姓名' },
                { max: 50, message: '最多50个字' },
                // Allowed but probably a slip (a pasted formula, digits): said, not blocked (issue 24).
                {
                  warningOnly: true,
                  validator: async (_r, v?: string) => {
                    const w = elderInputWarnings({ name: v })
                    if (w.length) throw new Error(w.map((x) => x.message).join('；'))
                  },
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label="身份证号"
              labelCol={elderMode ? undefined : { span: 8 }}
              validateFirst
              extra={editing ? `当前：${elder?.idNumber}（不修改请留空）` : '输入后自动识别出生日期、性别和年龄；空格、横线和全角数字会自动去除'}
              rules={[
                { required: !editing, whitespace: true, message: '请填写身份证号' },
                {
                  validator: async (_r, v?: string) => {
                    if (!v?.trim()) return
                    const p = parseIdNumber(v, today)
                    if (!p.ok) throw new Error(p.message)
                  },
                },
              ]}
            >
              <Input className="yy-mono" maxLength={26} autoComplete="off" placeholder={editing ? '不修改请留空' : '18位，末位可为X'} />
            </Form.Item>
          </Col>
        </Row>
        {parsed?.ok ? (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 3 }}
            style={{ marginBottom: 16 }}
            aria-live="polite"
            items={[
              { key: 'b', label: '出生日期', children: parsed.birthDate },
              { key: 's', label: '性别', children: sexLabel(parsed.sex) },
              { key: 'a', label: '年龄', children: `${age} 周岁${isUnderAge ? `（未满${ELDER_MIN_AGE}岁）` : ''}` },
            ]}
          />
        ) : null}
        {isUnderAge ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`按身份证号计算未满${ELDER_MIN_AGE}周岁（${age}岁）`}
              description="老年人信息库登记60周岁及以上的老人。如确需登记（如重度残疾、特困供养），请填写原因，原因记入变更历史和审计日志。"
            />
            <Form.Item
              name="underAgeReason"
              label="登记原因"
              rules={[
                { required: true, whitespace: true, message: '未满60周岁的老人需要填写登记原因' },
                { min: 2, message: '请写清原因' },
                { max: 200, message: '最多200个字' },
              ]}
            >
              <Input placeholder="如：重度残疾，经街道同意登记" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="regionCode"
          label="所在社区（村）"
          validateFirst
          rules={[
            { required: true, message: '请选择所在社区（村）' },
            {
              validator: async (_r, v?: string) => {
                if (v && !isVillage(v)) throw new Error('请选择到社区（村）一级')
              },
            },
          ]}
        >
          <RegionTreeSelect placeholder="选择实际居住的社区（村）" aria-label="所在社区（村）" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="hukou" label="户籍" labelCol={elderMode ? undefined : { span: 8 }}>
              <Select options={HUKOU_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="livingArrangement" label="居住情况" labelCol={elderMode ? undefined : { span: 8 }}>
              <Select options={LIVING_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="categories" label="老年人类别" extra="高龄、失能、半失能、失智及独居/空巢/留守由系统根据年龄、评估和居住情况自动计算，无需选择">
          <Select mode="multiple" allowClear options={TYPED_CATEGORY_OPTIONS} placeholder="可多选，如：低保、重度残疾" optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="address"
          label="现住址"
          extra={editing ? `当前：${elder?.address ?? '未填写'}（不修改请留空）` : undefined}
          rules={[{ max: 200, message: '最多200个字' }]}
        >
          <Input placeholder="如：甘州区幸福小区3号楼2单元501室" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" extra={editing ? `当前：${elder?.phone ?? '未填写'}（不修改请留空）` : undefined} rules={[phoneRule]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          紧急联系人 / 监护人
        </Divider>
        {editing && elder?.contacts.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已登记 ${elder.contacts.length} 位联系人（电话已脱敏）`}
            description="如需修改，请在下方重新填写全部联系人；不填写则保持不变。"
          />
        ) : null}
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                    <Input placeholder="姓名" aria-label="联系人姓名" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'relation']}>
                    <Input placeholder="关系，如儿子" aria-label="与老人关系" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} rules={[{ required: true, message: '请填写电话' }, phoneRule]}>
                    <Input placeholder="电话" aria-label="联系人电话" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'isGuardian']} valuePropName="checked">
                    <Checkbox>监护人</Checkbox>
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除该联系人" onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < 10 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '', phone: '', isGuardian: false })}>
                  添加联系人
                </Button>
              ) : null}
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>
          健康与服务
        </Divider>
        <Form.Item name="chronicConditions" label="慢性病">
          <Select mode="tags" options={CHRONIC_OPTIONS} placeholder="可选择或直接输入" tokenSeparators={['、', ',']} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="hasFamilyDoctor" label="家庭医生签约" valuePropName="checked" labelCol={elderMode ? undefined : { span: 16 }}>
              <Switch checkedChildren="已签约" unCheckedChildren="未签约" />
            </Form.Item>
          </Col>
          {hasFamilyDoctor ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="familyDoctorDate" label="签约日期" labelCol={elderMode ? undefined : { span: 10 }}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="familyDoctorName" label="签约医生" labelCol={elderMode ? undefined : { span: 10 }}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Form.Item name="hasVisitPlan" label="探访关爱计划" valuePropName="checked" extra="独居、高龄等老人应制定定期探访计划（主动发现规则会检查此项）">
          <Switch checkedChildren="已制定" unCheckedChildren="未制定" />
        </Form.Item>
        <Form.Item label="住址坐标" extra="WGS-84（GPS）坐标，用于上门派单和15分钟服务圈；可直接填写或在地图上选点">
          <Space wrap>
            <Form.Item name="homeLat" noStyle rules={[{ type: 'number', min: -90, max: 90, message: '纬度应在 -90 到 90 之间' }]}>
              <InputNumber aria-label="纬度" placeholder="纬度，如 38.93456" step={0.0001} precision={6} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="homeLng" noStyle rules={[{ type: 'number', min: -180, max: 180, message: '经度应在 -180 到 180 之间' }]}>
              <InputNumber aria-label="经度" placeholder="经度，如 100.45123" step={0.0001} precision={6} style={{ width: 180 }} />
            </Form.Item>
            <LocationPicker
              value={homeLat != null && homeLng != null ? { lat: homeLat, lng: homeLng } : null}
              onPick={(p) => form.setFieldsValue({ homeLat: p.lat, homeLng: p.lng })}
            />
          </Space>
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多500个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {!editing ? <Typography.Text type="secondary">身份证号、电话、住址和联系人加密保存，页面上只显示脱敏信息。</Typography.Text> : null}
      </Form>
    </Modal>
  )
}
