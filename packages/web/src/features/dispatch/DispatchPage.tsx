import { dispatchPlanStatusLabels, type TDispatchPlanStatus } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ThunderboltOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, List, Popconfirm, Progress, Select, Space, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage } from '../../api/client'
import { useMe } from '../../app/session'
import { dayjs, DISPLAY_TZ, formatClock } from '../../shared/format'
import { MapView, type MapLine, type MapPoint } from '../../shared/MapView'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import { fetchProviders } from '../providers/api'
import {
  checkMove,
  createPlan,
  dispatchKeys,
  fetchMapContext,
  fetchPlan,
  fetchPlans,
  applyMove,
  publishPlan,
  type Figures,
  type MoveCheck,
  type PlanDetail,
} from './api'
import { MoveDialog, SickDialog, UrgentDialog } from './PlanDialogs'
import { Timeline, routeColors, type DragTarget } from './Timeline'
import { CheckText, startIso } from './CheckText'
import './dispatch.css'

const statusTone: Record<TDispatchPlanStatus, Tone> = { computing: 'info', draft: 'warning', published: 'success', superseded: 'neutral', failed: 'danger' }
const minutes = (s: number) => Math.round(s / 60)

/**
 * 智能调度 (issue 20 item 3): a provider's (or a street centre's) day planned by the solver in
 * one click, on a map and a timeline per caregiver, beside the greedy baseline; visits moved by
 * hand with a live check, locked, and the plan published to the caregivers' phones.
 */
export function DispatchPage() {
  const { data: me } = useMe()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [date, setDate] = useState(() => dayjs().tz(DISPLAY_TZ).add(1, 'day').format('YYYY-MM-DD'))
  const isStreet = !!me && !me.providerId && /^\d{6}(?!000)\d{3}000$/.test(me.scopeRegionCode)
  const [pickedProvider, setPickedProvider] = useState<string | undefined>()
  const providerId = me?.providerId ?? (isStreet ? undefined : pickedProvider)
  const streetCode = isStreet ? me!.scopeRegionCode : undefined
  const scope = { date, providerId, streetCode }
  const providers = useQuery({
    queryKey: ['dispatch', 'providers'],
    queryFn: () => fetchProviders({ status: 'active', kind: 'home_care', page: 1, pageSize: 50 }),
    enabled: !!me && !me.providerId && !isStreet,
  })
  useEffect(() => {
    if (!pickedProvider && providers.data?.items[0]) setPickedProvider(providers.data.items[0].id)
  }, [providers.data, pickedProvider])
  const ready = !!providerId || !!streetCode
  const mapContext = useQuery({ queryKey: dispatchKeys.map, queryFn: fetchMapContext, staleTime: 10 * 60_000 })
  const plans = useQuery({ queryKey: dispatchKeys.plans(scope), queryFn: () => fetchPlans(scope), enabled: ready })
  const [planId, setPlanId] = useState<string | undefined>()
  const latest = plans.data?.items.find((p) => p.status !== 'superseded') ?? plans.data?.items[0]
  const currentId = planId && plans.data?.items.some((p) => p.id === planId) ? planId : latest?.id
  const plan = useQuery({
    queryKey: dispatchKeys.plan(currentId ?? ''),
    queryFn: () => fetchPlan(currentId!),
    enabled: !!currentId,
    refetchInterval: (q) => (q.state.data?.status === 'computing' ? 1000 : false),
  })
  const p = plan.data
  const setPlan = (next: PlanDetail) => qc.setQueryData(dispatchKeys.plan(next.id), next)
  const refreshList = () => qc.invalidateQueries({ queryKey: ['dispatch', 'plans'] })
  useEffect(() => {
    if (p && p.status !== 'computing') void refreshList()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p?.status])

  const generate = useMutation({
    mutationFn: () => createPlan({ date, ...(streetCode ? { streetCode } : { providerId: providerId! }) }),
    onSuccess: (r) => {
      setPlanId(r.planId)
      void refreshList()
    },
    onError: (e) => message.error(errorMessage(e)),
  })
  const publish = useMutation({
    mutationFn: () => publishPlan(p!.id, p!.version),
    onSuccess: (next) => {
      setPlan(next)
      void refreshList()
      message.success('方案已发布，护理员手机上可见当日排班')
    },
    onError: (e) => message.error(errorMessage(e)),
  })

  // Live check while dragging: one request per caregiver and 5-minute slot.
  const [check, setCheck] = useState<{ target: DragTarget; result: MoveCheck | null } | null>(null)
  const lastKey = useRef('')
  async function hover(t: DragTarget | null) {
    if (!t || !p) {
      lastKey.current = ''
      setCheck(null)
      return
    }
    const key = `${t.orderId}:${t.toCaregiverId}:${t.minutes}`
    if (key === lastKey.current) return
    lastKey.current = key
    setCheck({ target: t, result: null })
    try {
      const result = await checkMove(p.id, {
        orderId: t.orderId,
        fromCaregiverId: t.fromCaregiverId,
        toCaregiverId: t.toCaregiverId,
        start: startIso(date, t.minutes),
      })
      if (lastKey.current === key) setCheck({ target: t, result })
    } catch {
      if (lastKey.current === key) setCheck({ target: t, result: null })
    }
  }
  async function drop(t: DragTarget) {
    if (!p) return
    lastKey.current = ''
    try {
      const next = await applyMove(p.id, {
        orderId: t.orderId,
        fromCaregiverId: t.fromCaregiverId,
        toCaregiverId: t.toCaregiverId,
        start: startIso(date, t.minutes),
        version: p.version,
      })
      setPlan(next)
      message.success('已调整')
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setCheck(null)
    }
  }
  const [moving, setMoving] = useState<{ orderId: string; caregiverId: string } | null>(null)
  const [urgent, setUrgent] = useState(false)
  const [sick, setSick] = useState(false)

  const { points, lines } = useMemo(() => mapLayers(p), [p])
  const editable = p?.status === 'draft' || p?.status === 'published'

  return (
    <div>
      <PageHeader title="智能调度" description="按次日已接单的工单、护理员班次与持证情况一键生成派单方案，与人工经验（就近、先到先派）对比后发布。" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {me && !me.providerId && !isStreet ? (
            <Select
              aria-label="服务商"
              style={{ width: 220 }}
              value={pickedProvider}
              onChange={setPickedProvider}
              loading={providers.isLoading}
              options={(providers.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              placeholder="选择服务商"
            />
          ) : (
            <Typography.Text>{isStreet ? `${me?.scopeRegionName ?? ''} 统一调度` : '本服务商'}</Typography.Text>
          )}
          <DatePicker
            aria-label="服务日期"
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => {
              if (!d) return
              setDate(d.format('YYYY-MM-DD'))
              setPlanId(undefined)
            }}
          />
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            loading={generate.isPending}
            disabled={!ready || p?.status === 'computing'}
            onClick={() => generate.mutate()}
          >
            生成计划
          </Button>
          {plans.data && plans.data.items.length > 1 ? (
            <Select
              aria-label="历史方案"
              style={{ width: 260 }}
              value={currentId}
              onChange={setPlanId}
              options={plans.data.items.map((x) => ({ value: x.id, label: `${formatClock(x.createdAt)} 生成 · ${dispatchPlanStatusLabels[x.status]}` }))}
            />
          ) : null}
          {p ? <StatusTag tone={statusTone[p.status]}>{dispatchPlanStatusLabels[p.status]}</StatusTag> : null}
          {p?.status === 'draft' ? (
            <Popconfirm title="发布后按方案派单并通知护理员，确定发布？" okText="发布" cancelText="取消" onConfirm={() => publish.mutate()}>
              <Button type="primary" loading={publish.isPending}>
                发布
              </Button>
            </Popconfirm>
          ) : null}
          {p?.status === 'published' ? (
            <>
              <Button onClick={() => setUrgent(true)}>急单插入</Button>
              <Button onClick={() => setSick(true)}>护理员请假</Button>
            </>
          ) : null}
        </Space>
      </Card>

      {!ready ? <Empty description="请选择服务商" /> : null}
      {ready && !currentId && !plans.isLoading ? <Empty description="该日还没有方案，点击“生成计划”" /> : null}
      {p?.status === 'computing' ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text>正在计算：{p.progress?.phase ?? '排队中'}</Typography.Text>
          <Progress percent={Math.round(p.progress?.percent ?? 0)} status="active" aria-label="计算进度" />
        </Card>
      ) : null}
      {p?.status === 'failed' ? <Alert type="error" showIcon title={`计算失败：${p.failure ?? '请重试'}`} style={{ marginBottom: 12 }} /> : null}

      {p && p.status !== 'computing' && p.status !== 'failed' ? (
        <>
          {p.figures && p.baseline ? <FiguresCard figures={p.figures} baseline={p.baseline} /> : null}
          <div className="yy-dispatch-grid">
            <Card size="small" title="路线地图">
              <MapView context={mapContext.data} points={points} lines={lines} height={400} label="护理员当日路线地图" fitKey={`${p.id}`} />
            </Card>
            <Card size="small" title="护理员时间轴" extra={<Typography.Text type="secondary">拖动服务块改派或改时间，点击可锁定</Typography.Text>}>
              <Timeline
                routes={p.routes}
                readOnly={!editable}
                check={check}
                onHover={(t) => void hover(t)}
                onDrop={(t) => void drop(t)}
                onOpen={(s, r) => setMoving({ orderId: s.orderId, caregiverId: r.caregiverId })}
              />
              <div aria-live="polite" style={{ minHeight: 24, marginTop: 6 }}>
                {check ? <CheckText check={check.result} /> : null}
              </div>
            </Card>
          </div>
          <Card size="small" title={`未安排（${p.unassigned.length}）`} style={{ marginTop: 12 }}>
            {p.unassigned.length === 0 ? (
              <Typography.Text type="secondary">全部工单已安排</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.unassigned}
                renderItem={(u) => (
                  <List.Item>
                    <Space wrap>
                      <Typography.Text strong>{u.orderNo}</Typography.Text>
                      <span>{u.elderName}</span>
                      <span>{u.itemName}</span>
                      <Typography.Text style={{ color: '#a61d24' }}>{u.reasons.join('；')}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      ) : null}
      {p && moving ? (
        <MoveDialog plan={p} date={date} orderId={moving.orderId} caregiverId={moving.caregiverId} onClose={() => setMoving(null)} onChanged={setPlan} />
      ) : null}
      {p && urgent ? <UrgentDialog plan={p} date={date} onClose={() => setUrgent(false)} onChanged={() => void plan.refetch()} /> : null}
      {p && sick ? <SickDialog plan={p} date={date} onClose={() => setSick(false)} onChanged={setPlan} /> : null}
    </div>
  )
}

function FiguresCard({ figures, baseline }: { figures: Figures; baseline: Figures }) {
  const rows: [string, number, number, (n: number) => string, boolean][] = [
    ['路途时间（分钟）', minutes(figures.travelSeconds), minutes(baseline.travelSeconds), String, true],
    ['迟到服务（次）', figures.lateVisits, baseline.lateVisits, String, true],
    ['已安排服务', figures.visits, baseline.visits, String, false],
    ['未安排服务', figures.unassigned, baseline.unassigned, String, true],
    ['出勤护理员', figures.caregiversUsed, baseline.caregiversUsed, String, true],
    ['工时利用率', figures.utilisation, baseline.utilisation, (n) => `${Math.round(n * 100)}%`, false],
  ]
  const saved = baseline.travelSeconds > 0 ? Math.round((1 - figures.travelSeconds / baseline.travelSeconds) * 100) : 0
  return (
    <Card
      size="small"
      title="方案对比"
      style={{ marginBottom: 12 }}
      extra={saved > 0 ? <StatusTag tone="success">路途时间比人工经验少 {saved}%</StatusTag> : null}
    >
      <table className="yy-figures">
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">智能方案</th>
            <th scope="col">人工经验（就近、先到先派）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b, fmt, lowerIsBetter]) => (
            <tr key={label}>
              <td>{label}</td>
              <td>
                <Typography.Text strong type={a === b ? undefined : a < b === lowerIsBetter ? 'success' : 'warning'}>
                  {fmt(a)}
                </Typography.Text>
              </td>
              <td>{fmt(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

function mapLayers(p: PlanDetail | undefined): { points: MapPoint[]; lines: MapLine[] } {
  const points: MapPoint[] = []
  const lines: MapLine[] = []
  if (!p) return { points, lines }
  p.routes.forEach((r, i) => {
    const color = routeColors[i % routeColors.length]!
    const path = [...(r.home ? [r.home] : []), ...r.stops.map((s) => ({ lat: s.lat, lng: s.lng })), ...(r.home ? [r.home] : [])]
    lines.push({ points: path, color, label: `${r.caregiverName}：${r.stops.length} 单` })
    if (r.home) points.push({ ...r.home, color, filled: false, radius: 5, label: `${r.caregiverName} 出发地` })
    r.stops.forEach((s, k) =>
      points.push({
        lat: s.lat,
        lng: s.lng,
        color: s.late ? '#b3261e' : color,
        label: `${r.caregiverName} 第${k + 1}单：${s.elderName} ${s.itemName} ${formatClock(s.start)}`,
      }),
    )
  })
  return { points, lines }
}
