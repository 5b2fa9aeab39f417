import { orderStatusLabels } from '@yiyang/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { CameraOutlined, CheckCircleOutlined, EnvironmentOutlined, LoginOutlined, LogoutOutlined, SendOutlined, EditOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../api/client'
import { useMe } from '../../app/session'
import { formatClock, formatDate } from '../../shared/format'
import { fetchPhotos, fetchToday, orderKeys, photoUrl, type OrderDetail, type StepName } from './api'
import { OrderStatusTag } from './labels'
import { enqueue, enqueuePhoto, flushQueue, loadQueue, type QueuedAction } from './offlineQueue'
import { blobToDataUrl, shrinkPhoto } from './photo'
import './caregiver.css'

const COMMON_TASKS = ['清洁地面', '整理床铺', '清洗衣物', '协助洗浴', '协助进食', '测量血压', '陪同散步', '代购物品']
const COMMON_RISKS = ['地面湿滑', '用电隐患', '燃气隐患', '跌倒风险', '情绪低落', '独自服药困难']

/** The browser's location, or null (refused, unavailable, or slower than 8 s): check-in never waits on it. */
function currentPosition(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null)
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    ),
  )
}

/** geo: URI of the home, so the phone opens its own map app (falls back to the address as a query). */
const geoLink = (o: OrderDetail) =>
  o.homeLat !== null && o.homeLng !== null
    ? `geo:${o.homeLat},${o.homeLng}?q=${o.homeLat},${o.homeLng}(${encodeURIComponent(o.elderName)})`
    : `geo:0,0?q=${encodeURIComponent(o.address ?? '')}`

/** 护理员手机页 (375 px): today's visits in time order, big buttons, actions queued when offline. */
export function CaregiverTodayPage() {
  const me = useMe()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const today = useQuery({ queryKey: orderKeys.today, queryFn: fetchToday, refetchInterval: 60_000 })
  const [queued, setQueued] = useState<QueuedAction[]>(loadQueue)
  const waiting = queued.length
  const [busy, setBusy] = useState<string | null>(null)
  const [recording, setRecording] = useState<OrderDetail | null>(null)

  const flush = useCallback(async () => {
    const r = await flushQueue()
    setQueued(loadQueue())
    for (const f of r.failed) message.error(f.message)
    if (r.sent) await queryClient.invalidateQueries({ queryKey: orderKeys.all })
    return r
  }, [message, queryClient])

  useEffect(() => {
    const onOnline = () => void flush()
    window.addEventListener('online', onOnline)
    const timer = window.setInterval(() => void flush(), 30_000)
    return () => {
      window.removeEventListener('online', onOnline)
      window.clearInterval(timer)
    }
  }, [flush])

  async function act(o: OrderDetail, step: StepName, body: Record<string, unknown> = {}) {
    setBusy(`${o.id}:${step}`)
    try {
      const extra = step === 'checkIn' ? await currentPosition() : null
      enqueue(o.id, step, { ...body, ...(extra ? { lat: extra.lat, lng: extra.lng } : {}) })
      const r = await flush()
      if (r.waiting > 0) message.warning('网络不通，已保存在手机上，恢复网络后自动提交')
      else if (!r.failed.length) message.success('已提交')
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  /** 拍照上传: shrink in the browser, queue with its own idempotency key, send (or keep for later). */
  async function addPhoto(o: OrderDetail, file: File) {
    setBusy(`${o.id}:photo`)
    try {
      const dataUrl = await blobToDataUrl(await shrinkPhoto(file))
      enqueuePhoto(o.id, dataUrl)
      setQueued(loadQueue())
      const r = await flush()
      if (r.waiting > 0) message.warning('网络不通，照片已保存在手机上，恢复网络后自动上传')
      else if (!r.failed.length) message.success('照片已上传')
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const name = me.data?.displayName ?? ''
  return (
    <div className="yy-phone">
      <header className="yy-phone-header">
        <Typography.Title level={3} style={{ margin: 0, color: '#fff' }}>
          今日服务
        </Typography.Title>
        <Typography.Text style={{ color: '#e6f0ff' }}>
          {name} · {formatDate(new Date())}
        </Typography.Text>
      </header>
      {waiting > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`${waiting} 项操作待上传`}
          action={
            <Button size="large" onClick={() => void flush()}>
              重试
            </Button>
          }
          style={{ margin: 12 }}
        />
      ) : null}
      {today.isPending ? <Skeleton active style={{ padding: 16 }} /> : null}
      {today.isError ? <Alert type="error" showIcon title="加载失败" description={errorMessage(today.error)} style={{ margin: 12 }} /> : null}
      {today.data && today.data.length === 0 ? <Empty description="今天没有待服务的工单" style={{ marginTop: 48 }} /> : null}
      <main className="yy-phone-list">
        {(today.data ?? []).map((o, i) => (
          <Card key={o.id} className="yy-visit" size="small">
            <div className="yy-visit-head">
              <Typography.Text strong style={{ fontSize: 20 }}>
                {i + 1}. {(o.plannedStart ?? o.windowStart) ? formatClock((o.plannedStart ?? o.windowStart)!) : '全天'} {o.elderName}
              </Typography.Text>
              <OrderStatusTag status={o.status} />
            </div>
            <div className="yy-visit-item">
              <Tag color="blue">{o.itemName}</Tag>
              {o.staffCount > 1 ? <Tag color="purple">双人服务</Tag> : null}
              <span>{o.plannedMinutes} 分钟</span>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {o.orderNo}
              </Typography.Text>
            </div>
            <div className="yy-visit-address">{o.address ?? '（无地址）'}</div>
            <Space direction="vertical" size={10} style={{ width: '100%' }}>
              <Button size="large" block icon={<EnvironmentOutlined />} href={geoLink(o)} aria-label={`导航到 ${o.elderName} 家`}>
                导航
              </Button>
              {o.actions.includes('depart') ? (
                <Button size="large" block icon={<SendOutlined />} loading={busy === `${o.id}:depart`} onClick={() => void act(o, 'depart')}>
                  出发
                </Button>
              ) : null}
              {o.actions.includes('checkIn') ? (
                <Button type="primary" size="large" block icon={<LoginOutlined />} loading={busy === `${o.id}:checkIn`} onClick={() => void act(o, 'checkIn')}>
                  到达签到
                </Button>
              ) : null}
              {o.actions.includes('record') ? (
                <Button type={o.status === 'checked_in' ? 'primary' : 'default'} size="large" block icon={<EditOutlined />} onClick={() => setRecording(o)}>
                  {o.status === 'recorded' ? '修改服务记录' : '记录服务'}
                </Button>
              ) : null}
              {PHOTO_STATUSES.has(o.status) ? (
                <VisitPhotos
                  order={o}
                  canAdd={o.status === 'checked_in' || o.status === 'recorded'}
                  busy={busy === `${o.id}:photo`}
                  pending={queued.filter((a) => a.orderId === o.id && a.step === 'photo')}
                  onPick={(f) => void addPhoto(o, f)}
                />
              ) : null}
              {o.actions.includes('checkOut') ? (
                <Button
                  type="primary"
                  size="large"
                  block
                  icon={<LogoutOutlined />}
                  loading={busy === `${o.id}:checkOut`}
                  onClick={() => void act(o, 'checkOut')}
                >
                  服务完成签退
                </Button>
              ) : null}
              {o.status === 'checked_out' || o.status === 'exception' ? (
                <Typography.Text type={o.status === 'exception' ? 'danger' : 'success'}>
                  <CheckCircleOutlined /> {orderStatusLabels[o.status]}
                  {o.checkOutAt ? `（${formatClock(o.checkOutAt)} 签退）` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          </Card>
        ))}
      </main>
      <RecordModal
        order={recording}
        onClose={() => setRecording(null)}
        onSubmit={async (o, body) => {
          setRecording(null)
          await act(o, 'record', body)
        }}
      />
    </div>
  )
}

const PHOTO_STATUSES = new Set<string>(['checked_in', 'recorded', 'checked_out'])

/** The big 拍照上传 button (opens the rear camera on a phone) and thumbnails: uploaded, then still queued. */
function VisitPhotos({
  order,
  canAdd,
  busy,
  pending,
  onPick,
}: {
  order: OrderDetail
  canAdd: boolean
  busy: boolean
  pending: QueuedAction[]
  onPick: (f: File) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const photos = useQuery({ queryKey: orderKeys.photos(order.id), queryFn: () => fetchPhotos(order.id) })
  const uploaded = photos.data ?? []
  return (
    <div className="yy-photos">
      {canAdd ? (
        <>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            className="yy-visually-hidden"
            aria-label={`为 ${order.elderName} 的服务拍照`}
            tabIndex={-1}
            onChange={(e) => {
              const f = e.target.files?.[0]
              e.target.value = '' // the same picture can be picked again after an error
              if (f) onPick(f)
            }}
          />
          <Button size="large" block icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
            拍照上传
          </Button>
        </>
      ) : null}
      {uploaded.length || pending.length ? (
        <ul className="yy-photo-grid" aria-label="服务照片">
          {uploaded.map((p, i) => (
            <li key={p.id}>
              <a href={photoUrl(order.id, p.id)} target="_blank" rel="noreferrer">
                <img src={photoUrl(order.id, p.id)} alt={`服务照片 ${i + 1}（${formatClock(p.uploadedAt)}）`} loading="lazy" />
              </a>
            </li>
          ))}
          {pending.map((a, i) => (
            <li key={a.key} className="yy-photo-pending">
              <img src={a.photo} alt={`待上传照片 ${i + 1}`} />
              <span>待上传</span>
            </li>
          ))}
        </ul>
      ) : null}
      {photos.isError ? <Typography.Text type="danger">照片加载失败：{errorMessage(photos.error)}</Typography.Text> : null}
    </div>
  )
}

function RecordModal({
  order,
  onClose,
  onSubmit,
}: {
  order: OrderDetail | null
  onClose: () => void
  onSubmit: (o: OrderDetail, body: Record<string, unknown>) => Promise<void>
}) {
  const [form] = Form.useForm<{ itemsDone: string[]; risks: string[]; notes?: string }>()
  return (
    <Modal
      open={!!order}
      title="记录服务"
      okText="保存记录"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
      width={360}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ itemsDone: order?.record?.itemsDone ?? [], risks: order?.record?.risks ?? [], notes: order?.record?.notes ?? '' }}
        onFinish={(v) => order && void onSubmit(order, { itemsDone: v.itemsDone, risks: v.risks ?? [], notes: v.notes?.trim() || null })}
      >
        <Form.Item name="itemsDone" label="完成的服务" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项' }]}>
          <Checkbox.Group className="yy-check-grid" options={COMMON_TASKS} aria-label="完成的服务" />
        </Form.Item>
        <Form.Item name="risks" label="发现的风险">
          <Checkbox.Group className="yy-check-grid" options={COMMON_RISKS} aria-label="发现的风险" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={3} maxLength={1000} aria-label="服务备注" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
