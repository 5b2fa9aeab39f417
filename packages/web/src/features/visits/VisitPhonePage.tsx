import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  elderCategoryLabels,
  visitChecklistLabels,
  visitChecklistOn,
  visitConfirmerLabels,
  visitConfirmers,
  visitFindingLabels,
  visitFrequencyLabels,
  visitModeLabels,
  visitTaskKindLabels,
  visitTaskKinds,
  type TVisitChecklistItem,
  type TVisitConfirmer,
  type TVisitFinding,
  type TVisitMode,
  type TVisitTaskKind,
} from '@yiyang/core'
import { CameraOutlined, CheckCircleFilled, EnvironmentOutlined, LeftOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Input, Radio, Result, Segmented, Skeleton, Space, Switch, Typography } from 'antd'
import { StatusTag } from '../../shared/StatusTag'
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { ApiError, errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { dayjs, DISPLAY_TZ, formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { fetchPlan, recordVisit, uploadPhoto, visitKeys, type RecordVisitInput, type RecordVisitResult } from './api'
import { PeriodTag } from './labels'
import { flushOutbox, saveToOutbox } from './outbox'
import './visits.css'

type CheckIn = { at: string; latitude: number | null; longitude: number | null; note: string }

/** Shrinks a phone photo to at most 1280 px JPEG before upload (a raw photo is several MB). */
async function shrink(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file).catch(() => null)
  if (!bitmap) return file
  const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', 0.8))
}

/**
 * 登记探访 on a phone (375 px, large buttons, elder-friendly mode): check in with time and place,
 * the short checklist, problems and actions, tasks, a photo, the elder's or family's
 * confirmation. Without signal the visit waits on the phone with its idempotency key and is sent
 * when the network is back; sending it twice records it once.
 */
export function VisitPhonePage() {
  const { planId = '' } = useParams()
  const { elderMode } = useElderMode()
  const qc = useQueryClient()
  const plan = useQuery({ queryKey: visitKeys.plan(planId), queryFn: () => fetchPlan(planId) })
  const today = dayjs().tz(DISPLAY_TZ).format('YYYY-MM-DD')
  const items = useMemo(() => visitChecklistOn(today), [today])
  const [key] = useState(() => crypto.randomUUID())
  const [checkIn, setCheckIn] = useState<CheckIn | null>(null)
  const [mode, setMode] = useState<TVisitMode>('home')
  const [checklist, setChecklist] = useState<Partial<Record<TVisitChecklistItem, TVisitFinding>>>({})
  const [problems, setProblems] = useState('')
  const [actions, setActions] = useState('')
  const [noCare, setNoCare] = useState(false)
  const [tasks, setTasks] = useState<TVisitTaskKind[]>([])
  const [confirmedBy, setConfirmedBy] = useState<TVisitConfirmer>('elder')
  const [confirmer, setConfirmer] = useState('')
  const [photo, setPhoto] = useState<File | null>(null)
  const [queued, setQueued] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)

  useEffect(() => {
    void flushOutbox()
    const on = () => void flushOutbox()
    window.addEventListener('online', on)
    return () => window.removeEventListener('online', on)
  }, [])

  const doCheckIn = () => {
    const at = new Date().toISOString()
    setCheckIn({ at, latitude: null, longitude: null, note: '正在获取位置…' })
    if (!('geolocation' in navigator)) return setCheckIn({ at, latitude: null, longitude: null, note: '本机不支持定位，已只记录时间' })
    navigator.geolocation.getCurrentPosition(
      (p) => setCheckIn({ at, latitude: p.coords.latitude, longitude: p.coords.longitude, note: `位置已记录（精度约 ${Math.round(p.coords.accuracy)} 米）` }),
      () => setCheckIn({ at, latitude: null, longitude: null, note: '未能获取位置（可能未授权），已只记录时间' }),
      { timeout: 8000, maximumAge: 60_000 },
    )
  }

  const body = (): RecordVisitInput => ({
    planId,
    idempotencyKey: key,
    mode,
    visitedAt: checkIn?.at,
    latitude: checkIn?.latitude ?? null,
    longitude: checkIn?.longitude ?? null,
    checklist,
    problems: problems || undefined,
    actions: actions || undefined,
    noCareFound: noCare,
    confirmedBy,
    confirmerName: confirmer || undefined,
    tasks: tasks.map((kind) => ({ kind, note: problems.trim() || visitTaskKindLabels[kind] })),
  })
  const save = useMutation({
    mutationFn: async () => {
      const b = body()
      try {
        return await recordVisit(b)
      } catch (e) {
        // No network: keep the visit on the phone and send it later with the same key.
        if (e instanceof ApiError && e.status === 0) {
          saveToOutbox(b)
          setQueued(true)
        }
        throw e
      }
    },
    onSuccess: async (r: RecordVisitResult) => {
      void qc.invalidateQueries({ queryKey: visitKeys.all })
      if (photo) await uploadPhoto(r.visit.id, await shrink(photo)).catch((e: Error) => setPhotoError(e.message))
    },
  })

  // The answer replaces a long form: start reading it from the top.
  useEffect(() => {
    if (save.isSuccess) window.scrollTo(0, 0)
  }, [save.isSuccess])

  if (plan.isPending) return <Skeleton active />
  if (plan.isError) return <Alert type="error" showIcon title="探访计划加载失败" description={errorMessage(plan.error)} />
  const p = plan.data
  const missing = items.filter((i) => !checklist[i])
  const size = 'large' as const

  if (save.isSuccess)
    return (
      <div className="yy-visit-phone">
        <Result
          status="success"
          title="探访已登记"
          subTitle={`${p.elderName}，${formatDateTime(save.data.visit.visitedAt)}${save.data.visit.counted ? '' : '（电话探访不计入探访率）'}`}
          extra={
            <Space direction="vertical" style={{ width: '100%' }}>
              {save.data.tasks.map((t) => (
                <Alert
                  key={t.id}
                  type="warning"
                  showIcon
                  title={`已生成待办：${visitTaskKindLabels[t.kind]}`}
                  description={`负责人 ${t.ownerName ?? '—'}，办理期限 ${t.dueDate}`}
                />
              ))}
              {photoError ? <Alert type="error" showIcon title={`照片未上传：${photoError}`} /> : null}
              <Link to="/visits/mine">
                <Button type="primary" size={size} block>
                  返回我的探访
                </Button>
              </Link>
            </Space>
          }
        />
      </div>
    )

  return (
    <div className="yy-visit-phone">
      <PageHeader title={`探访 ${p.elderName}`} />
      <Link to="/visits/mine" className="yy-visit-back">
        <LeftOutlined /> 我的探访
      </Link>
      <Card size="small" className="yy-visit-card">
        <Space wrap size={[8, 8]}>
          <Typography.Text strong style={{ fontSize: elderMode ? 24 : 18 }}>
            {p.elderName}
          </Typography.Text>
          <span>{p.elder.age} 岁</span>
          {p.elder.categories.map((c) => (
            <StatusTag key={c} tone="neutral">
              {elderCategoryLabels[c as keyof typeof elderCategoryLabels] ?? c}
            </StatusTag>
          ))}
        </Space>
        <div>
          {p.regionName ?? p.regionCode} · {visitFrequencyLabels[p.frequency]} · 最近探访 {p.lastVisitAt ? formatDateTime(p.lastVisitAt) : '无'}
        </div>
        {p.periods[0] ? (
          <div>
            本期（{p.periods[0].startDate} 至 {p.periods[0].endDate}）：
            <PeriodTag status={p.periods[0].status} />
          </div>
        ) : null}
        {p.elder.phone ? <div>电话：{p.elder.phone}</div> : null}
      </Card>

      <Card size="small" title="1. 签到" className="yy-visit-card">
        {checkIn ? (
          <Space direction="vertical">
            <Typography.Text strong>
              <CheckCircleFilled style={{ color: '#2e7d32' }} /> 已签到 {formatDateTime(checkIn.at)}
            </Typography.Text>
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {checkIn.note}
            </Typography.Text>
          </Space>
        ) : (
          <Button type="primary" size={size} block icon={<EnvironmentOutlined />} onClick={doCheckIn}>
            签到（记录时间和位置）
          </Button>
        )}
        <div style={{ marginTop: 12 }}>
          <Segmented<TVisitMode>
            block
            size={size}
            aria-label="探访方式"
            value={mode}
            onChange={setMode}
            options={(['home', 'phone'] as const).map((m) => ({ value: m, label: visitModeLabels[m] }))}
          />
          {mode === 'phone' && !p.allowPhone ? (
            <Alert style={{ marginTop: 8 }} type="info" showIcon title="该老人的探访规则要求上门，电话探访会记录但不计入探访率" />
          ) : null}
        </div>
      </Card>

      <Card size="small" title="2. 老人情况" className="yy-visit-card">
        {items.map((i) => (
          <div key={i} className="yy-visit-check">
            <span className="yy-visit-check-label" id={`chk-${i}`}>
              {visitChecklistLabels[i]}
            </span>
            <Radio.Group
              aria-labelledby={`chk-${i}`}
              optionType="button"
              buttonStyle="solid"
              size={size}
              value={checklist[i]}
              onChange={(e) => setChecklist({ ...checklist, [i]: e.target.value as TVisitFinding })}
              options={(['ok', 'concern'] as const).map((v) => ({ value: v, label: visitFindingLabels[v] }))}
            />
          </div>
        ))}
        <Input.TextArea
          aria-label="发现的问题"
          placeholder="发现的问题（可不填）"
          rows={3}
          maxLength={1000}
          value={problems}
          onChange={(e) => setProblems(e.target.value)}
          style={{ marginTop: 8 }}
        />
        <Input.TextArea
          aria-label="采取的措施"
          placeholder="采取的措施（可不填）"
          rows={2}
          maxLength={1000}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
          style={{ marginTop: 8 }}
        />
        <label className="yy-visit-switch">
          <Switch checked={noCare} onChange={setNoCare} aria-label="失能老人无人照料" />
          <span>失能、半失能老人无人照料（将责成赡养人照料）</span>
        </label>
      </Card>

      <Card size="small" title="3. 需要办理的事项" className="yy-visit-card">
        <Checkbox.Group
          aria-label="需要办理的事项"
          className="yy-visit-tasks"
          value={tasks}
          onChange={(v) => setTasks(v as TVisitTaskKind[])}
          options={visitTaskKinds.map((k) => ({ value: k, label: visitTaskKindLabels[k] }))}
        />
      </Card>

      <Card size="small" title="4. 照片与确认" className="yy-visit-card">
        <label className="yy-visit-photo">
          <CameraOutlined /> {photo ? `已选照片：${photo.name}` : '拍照或选择照片（可不传）'}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-label="探访照片"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
          />
        </label>
        <Radio.Group
          aria-label="确认人"
          optionType="button"
          size={size}
          value={confirmedBy}
          onChange={(e) => setConfirmedBy(e.target.value as TVisitConfirmer)}
          options={visitConfirmers.map((c) => ({ value: c, label: visitConfirmerLabels[c] }))}
          style={{ marginTop: 12 }}
        />
        {confirmedBy === 'family' ? (
          <Input
            aria-label="确认的家属姓名"
            placeholder="确认的家属姓名"
            size={size}
            value={confirmer}
            onChange={(e) => setConfirmer(e.target.value)}
            style={{ marginTop: 8 }}
          />
        ) : null}
      </Card>

      {queued ? <Alert type="warning" showIcon title="网络不通，探访已保存在本机，联网后会自动提交（不会重复登记）" style={{ marginBottom: 12 }} /> : null}
      {save.isError && !queued ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Button
        type="primary"
        size={size}
        block
        className="yy-visit-submit"
        disabled={missing.length > 0 || p.status !== 'active'}
        loading={save.isPending}
        onClick={() => save.mutate()}
      >
        {missing.length ? `还有 ${missing.length} 项情况未选择` : '提交探访记录'}
      </Button>
    </div>
  )
}
