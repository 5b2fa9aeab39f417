import {
  PROVIDER_DOCUMENT_MAX_BYTES,
  providerDocumentKindLabels,
  providerDocumentKinds,
  starRatingActionLabels,
  starRatingStatusLabels,
  type TProviderDocumentKind,
} from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { UploadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd'
import { useRef, useState } from 'react'
import { errorMessage } from '../../api/client'
import { formatDateTime } from '../../shared/format'
import { StatusTag } from '../../shared/StatusTag'
import { applyServerError } from '../../shared/formErrors'
import {
  adjustStarRating,
  confirmStarRating,
  deleteDocument,
  documentUrl,
  fetchDocuments,
  fetchKpis,
  fetchStarRatings,
  supervisionKeys,
  uploadDocument,
  type StarRating,
} from './supervisionApi'

const fileTypeLabels: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片' }
const size = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`)

/** 资质文件: the provider's licences and qualification documents; the bureau sees them while reviewing. */
export function ProviderDocuments({ providerId, canUpload }: { providerId: string; canUpload: boolean }) {
  const docs = useQuery({ queryKey: supervisionKeys.documents(providerId), queryFn: () => fetchDocuments(providerId) })
  const [kind, setKind] = useState<TProviderDocumentKind>('business_licence')
  const [title, setTitle] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const { message, modal } = App.useApp()
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: supervisionKeys.documents(providerId) })
  const upload = useMutation({
    mutationFn: () => uploadDocument(providerId, { kind, title: title.trim() || providerDocumentKindLabels[kind] }, file!),
    onSuccess: async () => {
      message.success('已上传')
      setFile(null)
      setTitle('')
      await refresh()
    },
    onError: (e) => message.error(e instanceof Error ? e.message : '上传失败'),
  })
  const remove = useMutation({ mutationFn: (id: string) => deleteDocument(providerId, id), onSuccess: refresh, onError: (e) => message.error(errorMessage(e)) })
  const tooBig = !!file && file.size > PROVIDER_DOCUMENT_MAX_BYTES
  return (
    <>
      {canUpload ? (
        <Card size="small" title="上传资质文件" style={{ marginBottom: 12 }}>
          <Space wrap align="start">
            <Select
              aria-label="文件类别"
              value={kind}
              style={{ width: 180 }}
              onChange={setKind}
              options={providerDocumentKinds.filter((k) => k !== 'certificate_scan').map((k) => ({ value: k, label: providerDocumentKindLabels[k] }))}
            />
            <Input
              aria-label="文件名称"
              placeholder="文件名称（可不填）"
              value={title}
              maxLength={100}
              onChange={(e) => setTitle(e.target.value)}
              style={{ width: 200 }}
            />
            <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()}>
              {file ? file.name : '选择文件'}
            </Button>
            <input
              ref={picker}
              type="file"
              aria-label="选择要上传的资质文件"
              accept="application/pdf,image/jpeg,image/png"
              hidden
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <Button type="primary" disabled={!file || tooBig} loading={upload.isPending} onClick={() => upload.mutate()}>
              上传
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            支持 PDF、JPEG、PNG，单个文件不超过 {PROVIDER_DOCUMENT_MAX_BYTES / 1024 / 1024} MB。
          </Typography.Paragraph>
          {tooBig ? <Alert type="error" showIcon title={`文件超过 ${PROVIDER_DOCUMENT_MAX_BYTES / 1024 / 1024} MB，请压缩或分页扫描后再上传`} /> : null}
        </Card>
      ) : null}
      {docs.isError ? <Alert type="error" showIcon title="资质文件加载失败" description={errorMessage(docs.error)} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={docs.isFetching}
        pagination={false}
        dataSource={docs.data ?? []}
        locale={{ emptyText: <Empty description="尚未上传资质文件" /> }}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: TProviderDocumentKind) => providerDocumentKindLabels[k] },
          {
            title: '文件',
            dataIndex: 'title',
            render: (t: string, d) => (
              <a href={documentUrl(providerId, d.id)} target="_blank" rel="noreferrer">
                {t}
              </a>
            ),
          },
          { title: '格式', dataIndex: 'fileType', render: (t: string) => fileTypeLabels[t] ?? '文件' },
          { title: '大小', dataIndex: 'bytes', align: 'right', render: size },
          { title: '上传时间', dataIndex: 'uploadedAt', render: (v: string) => formatDateTime(v) },
          ...(canUpload
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, d: { id: string; title: string }) => (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        modal.confirm({
                          title: `删除“${d.title}”？`,
                          okText: '删除',
                          cancelText: '取消',
                          okButtonProps: { danger: true },
                          onOk: () => remove.mutateAsync(d.id),
                        })
                      }
                    >
                      删除
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}

/** 星级评定: the monthly ratings with the explanation of each indicator; the bureau confirms or adjusts. */
export function ProviderStarRatings({ providerId, canReview }: { providerId: string; canReview: boolean }) {
  const list = useQuery({ queryKey: supervisionKeys.ratings(providerId), queryFn: () => fetchStarRatings(providerId) })
  const [adjusting, setAdjusting] = useState<StarRating | null>(null)
  const [form] = Form.useForm<{ stars: number; reason: string }>()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const done = async (r: StarRating) => {
    message.success(`${r.month} 星级已${starRatingStatusLabels[r.status]}`)
    setAdjusting(null)
    await qc.invalidateQueries({ queryKey: ['providers'] })
  }
  const confirm = useMutation({
    mutationFn: (r: StarRating) => confirmStarRating(r.id, r.version),
    onSuccess: done,
    onError: (e) => message.error(errorMessage(e)),
  })
  const adjust = useMutation({
    mutationFn: (v: { stars: number; reason: string }) => adjustStarRating(adjusting!.id, { ...v, version: adjusting!.version }),
    onSuccess: done,
    onError: (e) => applyServerError(e, form, (t) => message.error(t)),
  })
  if (list.isError) return <Alert type="error" showIcon title="星级评定加载失败" description={errorMessage(list.error)} />
  if (list.data && !list.data.items.length) return <Empty description="尚无星级评定（每月初自动计算上月）" />
  return (
    <>
      {list.data?.items.map((r) => (
        <Card
          key={r.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>{r.month.replace('-', ' 年 ')} 月</span>
              <Rate disabled value={r.finalStars ?? r.computedStars} aria-label={`${r.finalStars ?? r.computedStars} 星`} />
              <StatusTag tone={r.status === 'proposed' ? 'warning' : r.status === 'adjusted' ? 'accent' : 'success'}>
                {starRatingStatusLabels[r.status]}
              </StatusTag>
            </Space>
          }
          extra={
            canReview && r.status === 'proposed' ? (
              <Space>
                <Button type="primary" size="small" loading={confirm.isPending} onClick={() => confirm.mutate(r)}>
                  {starRatingActionLabels.confirm}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue({ stars: r.computedStars, reason: '' })
                    setAdjusting(r)
                  }}
                >
                  {starRatingActionLabels.adjust}
                </Button>
              </Space>
            ) : null
          }
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="综合得分">
              {r.total} 分（计算结果 {r.computedStars} 星{r.finalStars && r.finalStars !== r.computedStars ? `，调整为 ${r.finalStars} 星` : ''}）
            </Descriptions.Item>
            {r.cap ? <Descriptions.Item label="说明">{r.cap}</Descriptions.Item> : null}
            {r.reviewReason ? <Descriptions.Item label="调整理由">{r.reviewReason}</Descriptions.Item> : null}
            {r.reviewedAt ? <Descriptions.Item label="审核时间">{formatDateTime(r.reviewedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={r.indicators}
            columns={[
              { title: '指标', dataIndex: 'label' },
              { title: '权重', dataIndex: 'weight', align: 'right' },
              { title: '得分', dataIndex: 'score', align: 'right', render: (s: number | null) => (s === null ? '不计入' : `${Math.round(s * 1000) / 10}%`) },
              { title: '依据', dataIndex: 'explanation' },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={!!adjusting}
        title="调整星级"
        okText="确定"
        cancelText="取消"
        onCancel={() => setAdjusting(null)}
        onOk={() => form.submit()}
        confirmLoading={adjust.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => adjust.mutate({ stars: v.stars, reason: v.reason.trim() })}>
          <Form.Item name="stars" label="调整后的星级" rules={[{ required: true, message: '请选择星级' }]}>
            <InputNumber aria-label="调整后的星级" min={1} max={5} precision={0} addonAfter="星" />
          </Form.Item>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, min: 5, message: '请写明调整理由（至少5个字）' }]}>
            <Input.TextArea aria-label="调整理由" rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)

/** The four KPI cards (持证上岗率, 满意率, 准时率, 投诉率) with numerator and denominator. */
export function KpiCards({ month, providerId, regionCode, wide }: { month: string; providerId?: string; regionCode?: string; wide?: boolean }) {
  const q = { month, ...(providerId ? { providerId } : {}), ...(regionCode ? { regionCode } : {}) }
  const k = useQuery({ queryKey: supervisionKeys.kpis(q), queryFn: () => fetchKpis(q) })
  if (k.isError) return <Alert type="error" showIcon title="服务指标加载失败" description={errorMessage(k.error)} />
  const d = k.data
  const cards = d
    ? [
        {
          title: '持证上岗率',
          r: d.certifiedRate,
          note: `持证 ${d.certifiedRate.numerator} / 在岗 ${d.certifiedRate.denominator} 人`,
          warn: (d.certifiedRate.value ?? 1) < 1,
        },
        {
          title: '满意率（目标 ≥ 80%）',
          r: d.satisfactionRate,
          note: `满意 ${d.satisfactionRate.numerator} / 评价 ${d.satisfactionRate.denominator} 次`,
          warn: d.satisfactionRate.meetsTarget === false,
        },
        { title: '准时率', r: d.onTimeRate, note: `准时 ${d.onTimeRate.numerator} / 签退 ${d.onTimeRate.denominator} 次`, warn: false },
        {
          title: '投诉率',
          r: d.complaintRate,
          note: `投诉成立 ${d.complaintRate.numerator} / 完成 ${d.complaintRate.denominator} 单`,
          warn: (d.complaintRate.value ?? 0) > 0,
        },
      ]
    : []
  return (
    <Row gutter={[12, 12]} role="group" aria-label={`${month} 服务指标`}>
      {(d ? cards : [0, 1, 2, 3].map(() => null)).map((c, i) => (
        <Col key={c?.title ?? i} xs={24} sm={12} {...(wide ? { lg: 6 } : {})}>
          <Card size="small" loading={!c}>
            {c ? (
              <>
                <Statistic title={c.title} value={pct(c.r.value)} styles={{ content: { color: c.warn ? '#a8071a' : undefined } }} />
                <Typography.Text type="secondary">{c.note}</Typography.Text>
              </>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  )
}
