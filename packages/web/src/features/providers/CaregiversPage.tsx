import { backgroundCheckLabels, caregiverSkillLabels, caregiverSkills, certificateLevelLabels, certificateLevels, type TCaregiverSkill } from '@yiyang/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tooltip, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { dayjs } from '../../shared/format'
import { applyServerError } from '../../shared/formErrors'
import { ListLoadError, listPagination, listTableProps, ListSearch } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { addCertificate, fetchCaregivers, fetchDueCertificates, providerKeys, recordBackgroundCheck, type CaregiverQuery, type CaregiverSummary } from './api'
import { CertificateTag } from './labels'

const skillLabel = (s: string) => caregiverSkillLabels[s as TCaregiverSkill] ?? '其他'
const CERT_FILTERS = { expiring: '30天内到期', expired: '证书已过期', none: '无证书' } as const

/** 护理员: 持证上岗 with expiry warnings 30 days ahead, background checks (背景审查), training hours. */
export function CaregiversPage() {
  const { elderMode } = useElderMode()
  const can = useCan()
  const [query, patch, reset] = useUrlQuery<CaregiverQuery>({ q: undefined, certificate: undefined, page: 1, pageSize: 20 })
  const [certFor, setCertFor] = useState<CaregiverSummary | null>(null)
  const [checkFor, setCheckFor] = useState<CaregiverSummary | null>(null)
  const list = useQuery({ queryKey: providerKeys.caregivers(query), queryFn: () => fetchCaregivers(query), placeholderData: keepPreviousData })
  const due = useQuery({ queryKey: providerKeys.due(1), queryFn: () => fetchDueCertificates(1) })
  const expired = (due.data?.items ?? []).filter((d) => d.state === 'expired').length

  const columns: TableColumnsType<CaregiverSummary> = [
    { title: '姓名', dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: '身份证号', dataIndex: 'idNumber', responsive: ['xl'] },
    { title: '服务商', dataIndex: 'providerName', responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    { title: '技能', dataIndex: 'skills', render: (s: string[]) => s.map(skillLabel).join('、') || '—' },
    {
      title: '证书',
      key: 'certs',
      render: (_v, c) => {
        // The soonest to run out first: the warning is about it; the tooltip lists them all.
        const next = c.certificates.find((x) => x.state !== 'valid') ?? c.certificates[0]
        return (
          <Tooltip
            title={
              c.certificates.length
                ? c.certificates
                    .map(
                      (x) =>
                        `${skillLabel(x.skill)} ${x.number}，${certificateLevelLabels[x.level as keyof typeof certificateLevelLabels] ?? ''}，至 ${x.expiresOn}`,
                    )
                    .join('；')
                : '没有登记证书'
            }
          >
            <Space size={4}>
              <CertificateTag state={c.certificateState} />
              {next ? (
                <StatusTag tone={next.state === 'expired' ? 'danger' : next.state === 'expiring' ? 'warning' : 'neutral'}>
                  {skillLabel(next.skill)} 至 {next.expiresOn}
                </StatusTag>
              ) : null}
              {c.certificates.length > 1 ? <span>等 {c.certificates.length} 张</span> : null}
            </Space>
          </Tooltip>
        )
      },
    },
    {
      title: '背景审查',
      dataIndex: 'backgroundCheck',
      render: (b: CaregiverSummary['backgroundCheck'], c) => (
        <StatusTag tone={b === 'passed' ? 'success' : b === 'failed' ? 'danger' : 'warning'}>
          {backgroundCheckLabels[b]}
          {c.backgroundCheckDate ? ` ${c.backgroundCheckDate}` : ''}
        </StatusTag>
      ),
    },
    { title: '培训学时', dataIndex: 'trainingHours', align: 'right', responsive: ['lg'] },
    { title: '班次', dataIndex: 'shift', responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'op',
      fixed: 'right',
      render: (_v, c) =>
        can('caregiver:write') ? (
          <Space size={4}>
            <Button type="link" onClick={() => setCertFor(c)}>
              登记证书
            </Button>
            <Button type="link" onClick={() => setCheckFor(c)}>
              背景审查
            </Button>
          </Space>
        ) : null,
    },
  ]
  const filtersActive = !!(query.q || query.certificate)

  return (
    <>
      <PageHeader title="护理员" description="护理员持证上岗、背景审查与培训情况。证书到期前30天提醒；没有有效证书或未通过背景审查的护理员不能派单。" />
      {due.data && due.data.total > 0 ? (
        <Alert
          type={expired ? 'error' : 'warning'}
          showIcon
          icon={<SafetyCertificateOutlined />}
          style={{ marginBottom: 16 }}
          title={`证书到期提醒：${due.data.total} 张证书已过期或将在30天内到期`}
          description={due.data.items
            .slice(0, 5)
            .map((d) => `${d.caregiverName}（${skillLabel(d.skill)}，${d.state === 'expired' ? '已于' : '将于'} ${d.expiresOn} 到期）`)
            .join('；')}
          action={
            <Button onClick={() => patch({ certificate: expired ? 'expired' : 'expiring' })} aria-label="只看到期的证书">
              查看
            </Button>
          }
        />
      ) : null}
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch label="按姓名搜索" placeholder="护理员姓名" value={query.q} onSearch={(q) => patch({ q })} width={240} elderWidth={320} />
          <Select
            allowClear
            aria-label="按证书状态筛选"
            placeholder="全部证书状态"
            value={query.certificate}
            onChange={(certificate?: CaregiverQuery['certificate']) => patch({ certificate })}
            options={Object.entries(CERT_FILTERS).map(([value, label]) => ({ value, label }))}
            style={{ width: 170 }}
          />
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>
        <ListLoadError list={list} title="护理员列表加载失败" />
        <Table<CaregiverSummary>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{ emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description="没有符合条件的护理员" /> }}
          pagination={listPagination(query, list.data?.total, (next) => patch(next, { keepPage: true }), '人')}
        />
      </Card>
      <CertificateModal caregiver={certFor} onClose={() => setCertFor(null)} />
      <BackgroundCheckModal caregiver={checkFor} onClose={() => setCheckFor(null)} />
    </>
  )
}

function CertificateModal({ caregiver, onClose }: { caregiver: CaregiverSummary | null; onClose: () => void }) {
  const [form] = Form.useForm<{ number: string; level: string; skill: string; expiresOn: dayjs.Dayjs }>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const m = useMutation({
    mutationFn: (v: { number: string; level: string; skill: string; expiresOn: dayjs.Dayjs }) =>
      addCertificate(caregiver!.id, {
        ...v,
        level: v.level as (typeof certificateLevels)[number],
        skill: v.skill as TCaregiverSkill,
        expiresOn: v.expiresOn.format('YYYY-MM-DD'),
      }),
    onSuccess: async () => {
      message.success('证书已登记')
      await queryClient.invalidateQueries({ queryKey: providerKeys.all })
      onClose()
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  return (
    <Modal
      open={!!caregiver}
      title={`登记证书：${caregiver?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => m.mutate(v)}>
        <Form.Item name="number" label="证书编号" rules={[{ required: true, message: '请填写证书编号' }]}>
          <Input aria-label="证书编号" maxLength={50} />
        </Form.Item>
        <Form.Item name="level" label="等级" rules={[{ required: true, message: '请选择等级' }]}>
          <Select aria-label="证书等级" options={certificateLevels.map((l) => ({ value: l, label: certificateLevelLabels[l] }))} />
        </Form.Item>
        <Form.Item name="skill" label="技能" rules={[{ required: true, message: '请选择技能' }]}>
          <Select aria-label="证书技能" options={caregiverSkills.map((s) => ({ value: s, label: caregiverSkillLabels[s] }))} />
        </Form.Item>
        <Form.Item name="expiresOn" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker aria-label="有效期至" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function BackgroundCheckModal({ caregiver, onClose }: { caregiver: CaregiverSummary | null; onClose: () => void }) {
  const [form] = Form.useForm<{ result: 'passed' | 'failed' | 'pending'; checkedOn: dayjs.Dayjs }>()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const m = useMutation({
    mutationFn: (v: { result: 'passed' | 'failed' | 'pending'; checkedOn: dayjs.Dayjs }) =>
      recordBackgroundCheck(caregiver!.id, { result: v.result, checkedOn: v.checkedOn.format('YYYY-MM-DD') }),
    onSuccess: async () => {
      message.success('背景审查结果已登记')
      await queryClient.invalidateQueries({ queryKey: providerKeys.all })
      onClose()
    },
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  return (
    <Modal
      open={!!caregiver}
      title={`背景审查：${caregiver?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ result: 'passed', checkedOn: dayjs() }} onFinish={(v) => m.mutate(v)}>
        <Form.Item name="result" label="结果">
          <Select aria-label="审查结果" options={Object.entries(backgroundCheckLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="checkedOn" label="审查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="审查日期" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
