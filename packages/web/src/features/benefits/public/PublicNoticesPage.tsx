import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Empty, Form, Input, Modal, Pagination, Skeleton, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../../api/client'
import { formatDate } from '../../../shared/format'
import { applyServerError } from '../../../shared/formErrors'
import { benefitKeys, fetchPublicNotices, lodgeObjection, noticeSheetUrl, yuan, type LodgeObjection, type PublicNotice } from '../api'
import '../benefits.css'

function ObjectionModal({ notice, onClose }: { notice: PublicNotice | null; onClose: () => void }) {
  const [form] = Form.useForm<LodgeObjection>()
  const { message } = App.useApp()
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    if (notice) {
      form.resetFields()
      setDone(null)
    }
  }, [notice, form])
  const send = useMutation({
    mutationFn: (v: LodgeObjection) => lodgeObjection(notice!.id, v),
    onSuccess: (r) => setDone(r.message),
    onError: (err) => applyServerError(err, form, (t) => message.error(t)),
  })
  return (
    <Modal
      title={notice ? `对“${notice.elderName}（${notice.programmeName}）”提出异议` : ''}
      open={!!notice}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      okText={done ? '关闭' : '提交异议'}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      {done ? (
        <Alert type="success" showIcon title={done} />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} size="large">
          <p>请如实填写。工作人员核查期间该申请暂停办理，核查后会与您联系。同一联系方式对同一公示只能提出一次异议。</p>
          <Form.Item name="name" label="您的姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={40} autoComplete="name" />
          </Form.Item>
          <Form.Item name="contact" label="联系电话或其他联系方式" rules={[{ required: true, min: 5, message: '请填写联系方式' }]}>
            <Input maxLength={60} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="reason" label="异议理由" rules={[{ required: true, min: 5, message: '请写明异议理由（至少5个字）' }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
          <Form.Item name="evidence" label="证据或线索（可选）">
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：知情人、材料名称等" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}

/** 公示 without login: masked name, community, programme, amount and dates; anyone may object. */
export function PublicNoticesPage() {
  const [page, setPage] = useState(1)
  const [objecting, setObjecting] = useState<PublicNotice | null>(null)
  const q = useQuery({ queryKey: benefitKeys.publicNotices(page), queryFn: () => fetchPublicNotices(page) })
  useEffect(() => {
    document.title = '补贴公示 · 颐养'
  }, [])
  return (
    <div className="yy-public">
      <Typography.Title level={1}>养老服务补贴审核结果公示</Typography.Title>
      <Typography.Paragraph>
        以下人员经社区（村）申请、街道（乡镇）审核，拟享受相应补贴，现予公示。公示期内如有异议，可点击“提出异议”，请提供真实姓名、联系方式和理由。
      </Typography.Paragraph>
      <p className="yy-no-print">
        <Button href={noticeSheetUrl} target="_blank" rel="noopener">
          打印公示名单（A4）
        </Button>
      </p>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <Alert type="error" showIcon title="公示加载失败" description={errorMessage(q.error)} />
      ) : q.data.items.length === 0 ? (
        <Empty description="当前没有公示" />
      ) : (
        <>
          <ul style={{ listStyle: 'none', padding: 0 }} aria-label="公示名单">
            {q.data.items.map((n) => (
              <li key={n.id} className="yy-public-card">
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
                  <div>
                    <Typography.Text strong style={{ fontSize: 20 }}>
                      {n.elderName}
                    </Typography.Text>
                    <span style={{ marginLeft: 12 }}>{n.communityName}</span>
                    <div>{`${n.programmeName}　${yuan(n.amountFen)}/月`}</div>
                    <div style={{ color: '#555' }}>{`公示期：${formatDate(n.noticeStart)} 至 ${formatDate(n.noticeEnd)}`}</div>
                  </div>
                  <Button size="large" onClick={() => setObjecting(n)} aria-label={`对${n.elderName}的公示提出异议`}>
                    提出异议
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <Pagination current={page} total={q.data.total} pageSize={50} onChange={setPage} hideOnSinglePage />
        </>
      )}
      <ObjectionModal notice={objecting} onClose={() => setObjecting(null)} />
    </div>
  )
}
