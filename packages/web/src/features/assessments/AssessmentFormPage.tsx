import { ageOn, assessmentEditableStatuses, riskEventCountOptions, riskEventTypeLabels, riskEventTypes, type TAssessmentScale } from '@yiyang/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, DatePicker, Input, Radio, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd'
import { CheckCircleFilled, CloudSyncOutlined, ExclamationCircleFilled, PlusOutlined, DeleteOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { ApiError, errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { dayjs, formatTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import {
  assessmentKeys,
  fetchAssessment,
  saveAnswers,
  startAssessment,
  submitAssessment,
  type AnnexAInfo,
  type AssessmentDetail,
  type Assessor,
  type SaveAnswersInput,
} from './api'
import { AssessmentStatusTag, reasonLabel, scaleShort, sexLabel } from './labels'
import { commonDiagnoses, formSections, preview, type FormSection } from './scaleForm'
import './assessments.css'

type Sign = { name: string; relation?: string | null; confirmed: boolean }
type FormState = {
  items: Record<string, number>
  info: AnnexAInfo
  place: string
  assessedAt: string | null
  assessors: Assessor[]
  signatures: { assessor1: Sign; assessor2: Sign; informant: Sign }
}

function initialState(a: AssessmentDetail): FormState {
  const second = a.assessors[1] ?? { userId: null, name: '', certificateNo: null }
  return {
    items: { ...a.items },
    info: { riskEvents: { ...a.info.riskEvents }, diagnoses: [...a.info.diagnoses], coma: a.info.coma, notes: a.info.notes ?? null },
    place: a.place ?? '',
    assessedAt: a.assessedAt,
    assessors: [a.assessors[0]!, second],
    signatures: {
      assessor1: { name: a.signatures.assessor1?.name ?? a.assessors[0]?.name ?? '', confirmed: !!a.signatures.assessor1 },
      assessor2: { name: a.signatures.assessor2?.name ?? second.name, confirmed: !!a.signatures.assessor2 },
      informant: { name: a.signatures.informant?.name ?? '', relation: a.signatures.informant?.relation ?? '', confirmed: !!a.signatures.informant },
    },
  }
}

const toPayload = (s: FormState, version: number): SaveAnswersInput => ({
  items: s.items,
  info: s.info,
  place: s.place.trim() || null,
  assessedAt: s.assessedAt,
  assessors: s.assessors.filter((a) => a.name.trim()).map((a) => ({ ...a, name: a.name.trim(), certificateNo: a.certificateNo?.trim() || null })),
  signatures: {
    assessor1: s.signatures.assessor1.name.trim() ? { ...s.signatures.assessor1, name: s.signatures.assessor1.name.trim() } : null,
    assessor2: s.signatures.assessor2.name.trim() ? { ...s.signatures.assessor2, name: s.signatures.assessor2.name.trim() } : null,
    informant: s.signatures.informant.name.trim() ? { ...s.signatures.informant, name: s.signatures.informant.name.trim() } : null,
  },
  version,
})

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error'

/**
 * Autosave: every change marks the draft dirty and saves about a second later; one save in
 * flight at a time, the next one carries everything changed meanwhile. The version guards
 * against a second device overwriting newer answers.
 */
function useAutosave(id: string, onSaved: (d: AssessmentDetail) => void) {
  const version = useRef<number | undefined>(undefined)
  const latest = useRef<FormState | null>(null)
  const dirty = useRef(false)
  const inFlight = useRef<Promise<boolean> | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const [state, setState] = useState<SaveState>('idle')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [error, setError] = useState<string | null>(null)
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current)
    if (inFlight.current) await inFlight.current
    if (!dirty.current || !latest.current || version.current === undefined) return !dirty.current
    const run = (async () => {
      dirty.current = false
      setState('saving')
      try {
        const d = await saveAnswers(id, toPayload(latest.current!, version.current!))
        version.current = d.version
        onSaved(d)
        setSavedAt(new Date())
        setError(null)
        setState(dirty.current ? 'dirty' : 'saved')
        return true
      } catch (err) {
        dirty.current = true
        setError(errorMessage(err))
        setState('error')
        return false
      }
    })()
    inFlight.current = run
    const ok = await run
    inFlight.current = null
    if (ok && dirty.current) return flush()
    return ok
  }, [id, onSaved])

  const change = useCallback(
    (next: FormState) => {
      latest.current = next
      dirty.current = true
      setState('dirty')
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), 1000)
    },
    [flush],
  )

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      window.clearTimeout(timer.current)
      if (dirty.current) void flush()
    }
  }, [flush])

  /** Starts from the server's copy: its answers and its version. */
  const reset = useCallback((s: FormState, v: number) => {
    latest.current = s
    version.current = v
  }, [])
  return { state, savedAt, error, change, flush, reset }
}

function SaveIndicator({ state, savedAt, error, onRetry }: { state: SaveState; savedAt: Date | null; error: string | null; onRetry: () => void }) {
  if (state === 'saving')
    return (
      <span className="yy-save yy-save-busy" role="status">
        <CloudSyncOutlined spin aria-hidden /> 正在保存…
      </span>
    )
  if (state === 'dirty')
    return (
      <span className="yy-save yy-save-busy" role="status">
        <CloudSyncOutlined aria-hidden /> 有修改，即将自动保存
      </span>
    )
  if (state === 'error')
    return (
      <span className="yy-save yy-save-error" role="alert">
        <ExclamationCircleFilled aria-hidden /> 保存失败：{error}{' '}
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      </span>
    )
  if (state === 'saved' && savedAt)
    return (
      <span className="yy-save yy-save-ok" role="status">
        <CheckCircleFilled aria-hidden /> 已自动保存 {formatTime(savedAt)}
      </span>
    )
  return (
    <span className="yy-save" role="status">
      草稿自动保存
    </span>
  )
}

/** Large radio cards for one item: native radios, so arrow keys, Tab and touch all work. */
function ItemQuestion({
  item,
  value,
  onChange,
  disabled,
  flagged,
}: {
  item: FormSection['items'][number]
  value: number | undefined
  onChange: (v: number) => void
  disabled: boolean
  flagged: boolean
}) {
  const name = `item-${item.key}`
  return (
    <fieldset className={`yy-item${flagged && value === undefined ? ' yy-item-missing' : ''}`} id={`q-${item.key}`}>
      <legend className="yy-item-title">
        <span className="yy-item-code">{item.code}</span> {item.name}
        {value === undefined ? (
          <Tag className="yy-item-state">未填</Tag>
        ) : (
          <Tag color="blue" className="yy-item-state">
            {value} 分
          </Tag>
        )}
      </legend>
      {item.hint ? <div className="yy-item-hint">{item.hint}</div> : null}
      <div className="yy-options" role="radiogroup" aria-label={`${item.code} ${item.name}`}>
        {item.options.map((o) => (
          <label key={o.points} className={`yy-option${value === o.points ? ' yy-option-on' : ''}${disabled ? ' yy-option-disabled' : ''}`}>
            <input type="radio" name={name} value={o.points} checked={value === o.points} disabled={disabled} onChange={() => onChange(o.points)} />
            <span className="yy-option-points" aria-hidden>
              {o.points}
            </span>
            <span className="yy-option-text">
              {o.description}
              <span className="yy-sr-only">，{o.points} 分</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function AssessmentFormPage() {
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const can = useCan()
  const { elderMode } = useElderMode()
  const detail = useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => fetchAssessment(id), refetchOnWindowFocus: false })
  const [form, setForm] = useState<FormState | null>(null)
  const [startError, setStartError] = useState<string | null>(null)
  const [submitErrors, setSubmitErrors] = useState<string[] | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [showMissing, setShowMissing] = useState(false)
  const started = useRef(false)

  const onSaved = useCallback((d: AssessmentDetail) => queryClient.setQueryData(assessmentKeys.detail(id), d), [queryClient, id])
  const autosave = useAutosave(id, onSaved)

  // Opening the form starts a scheduled assessment (scheduled → in_progress).
  useEffect(() => {
    const a = detail.data
    if (!a || started.current) return
    if (a.status === 'scheduled' && a.actions.includes('start')) {
      started.current = true
      startAssessment(id)
        .then((d) => {
          queryClient.setQueryData(assessmentKeys.detail(id), d)
          void queryClient.invalidateQueries({ queryKey: assessmentKeys.all, refetchType: 'none' })
        })
        .catch((err) => setStartError(errorMessage(err)))
    }
  }, [detail.data, id, queryClient])

  const editable = !!detail.data && (assessmentEditableStatuses as readonly string[]).includes(detail.data.status) && can('assessment:write')
  useEffect(() => {
    if (detail.data && !form && (editable || !['scheduled'].includes(detail.data.status))) {
      const s = initialState(detail.data)
      setForm(s)
      autosave.reset(s, detail.data.version)
    }
  }, [detail.data, form, editable, autosave])

  const scale = (detail.data?.scale ?? 'gbt42195_2022') as TAssessmentScale
  const sections = useMemo(() => formSections(scale), [scale])
  const live = useMemo(() => (form ? preview(scale, form.items, form.info) : null), [form, scale])

  const update = (fn: (s: FormState) => FormState) => {
    if (!form || !editable) return
    const next = fn(form)
    setForm(next)
    setSubmitErrors(null)
    autosave.change(next)
  }

  const jumpTo = (key: string) => {
    const el = document.getElementById(`q-${key}`)
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    el?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true })
  }

  const submit = async () => {
    setSubmitting(true)
    setSubmitErrors(null)
    try {
      if (!(await autosave.flush())) throw new Error('草稿保存失败，请检查网络后重试')
      const d = await submitAssessment(id)
      queryClient.setQueryData(assessmentKeys.detail(id), d)
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.all })
      message.success('已提交审核')
      navigate(`/assessments/${id}`)
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) setSubmitErrors(err.fields.map((f) => f.message))
      else setSubmitErrors([errorMessage(err)])
      setShowMissing(true)
    } finally {
      setSubmitting(false)
    }
  }

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />
  if (detail.isError)
    return <Result status="warning" title="评估记录加载失败" subTitle={errorMessage(detail.error)} extra={<Link to="/assessments">返回评估列表</Link>} />
  const a = detail.data
  if (startError) return <Result status="warning" title="无法开始评估" subTitle={startError} extra={<Link to={`/assessments/${id}`}>查看评估记录</Link>} />
  if (a.status === 'scheduled' && !a.actions.includes('start'))
    return (
      <Result status="info" title="评估尚未开始" subTitle="由负责的评估员打开评估表后开始填写。" extra={<Link to={`/assessments/${id}`}>查看评估记录</Link>} />
    )
  if (!form || !live) return <Skeleton active paragraph={{ rows: 12 }} />

  const complete = live.missing.length === 0
  const age = ageOn(a.elderBirthDate, a.assessedAt ?? new Date())
  const riskOptions = riskEventCountOptions.map((o) => ({ value: o.count, label: o.label }))

  return (
    <div className="yy-assess-form">
      <PageHeader
        title={`评估表 · ${a.elderName}`}
        description={`${sexLabel(a.elderSex)}，${age} 岁，${a.regionName ?? a.regionCode}；${reasonLabel(a.reason)}；${scaleShort(a.scale)}`}
        extra={
          <Space>
            <AssessmentStatusTag status={a.status} />
            <Link to={`/assessments/${id}`}>评估详情</Link>
          </Space>
        }
      />
      {a.status === 'returned' && a.returnReason ? (
        <Alert type="warning" showIcon title="审核退回" description={`退回原因：${a.returnReason}`} style={{ marginBottom: 12 }} />
      ) : null}
      {!editable ? <Alert type="info" showIcon title="只读" description="该评估当前状态下不能修改答案。" style={{ marginBottom: 12 }} /> : null}

      <div className="yy-assess-bar" aria-label="评估进度与预估结果">
        <div className="yy-bar-progress">
          <strong>
            已填 {live.answered}/{live.itemCount}
          </strong>
          {live.subtotals ? (
            <span className="yy-bar-subtotals">
              {sections.map((s) => (
                <span key={s.id}>
                  {s.name} <b>{live.subtotals![s.id]}</b>/{s.maxPoints}
                </span>
              ))}
            </span>
          ) : null}
        </div>
        <div className="yy-bar-level">
          {complete ? (
            <>
              {live.total !== null ? (
                <span>
                  总分 <b>{live.total}</b>/90
                </span>
              ) : null}
              <span>
                预估等级{' '}
                <b className={`yy-level yy-level-${live.finalLevel}`}>
                  {live.finalLevel} 级 {live.finalLevelName}
                </b>
              </span>
            </>
          ) : (
            <span>填完全部项目后显示等级</span>
          )}
        </div>
        <SaveIndicator state={autosave.state} savedAt={autosave.savedAt} error={autosave.error} onRetry={() => void autosave.flush()} />
        {editable ? (
          <Tooltip title={complete ? '' : `还有 ${live.missing.length} 项未填写`}>
            <Button type="primary" size="large" disabled={!complete} loading={submitting} onClick={() => void submit()}>
              提交审核
            </Button>
          </Tooltip>
        ) : null}
      </div>

      {editable && !complete ? (
        <div className="yy-missing">
          <Button type="link" onClick={() => setShowMissing((v) => !v)} aria-expanded={showMissing}>
            还有 {live.missing.length} 项未填写，不能提交{showMissing ? '（收起）' : '（查看）'}
          </Button>
          {showMissing ? (
            <div className="yy-missing-list">
              {live.missing.map((m) => (
                <Button key={m.key} size="small" onClick={() => jumpTo(m.key)}>
                  {m.code} {m.name}
                </Button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {submitErrors ? (
        <Alert
          type="error"
          showIcon
          title="提交未成功"
          description={
            <ul className="yy-plain-list">
              {submitErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}

      <nav className="yy-sections-nav" aria-label="评估表章节">
        <a href="#sec-a">附录A 基本信息</a>
        {sections.map((s) => (
          <a key={s.id} href={`#sec-${s.id}`}>
            {s.code} {s.name}
          </a>
        ))}
        <a href="#sec-sign">评估人员与签名</a>
      </nav>

      <Card id="sec-a" title="附录A 评估基本信息" className="yy-section">
        <div className="yy-grid2">
          <label className="yy-field">
            <span>评估地点</span>
            <Input
              size="large"
              value={form.place}
              disabled={!editable}
              placeholder="如：老人家中、社区日间照料中心"
              onChange={(e) => update((s) => ({ ...s, place: e.target.value }))}
            />
          </label>
          <label className="yy-field">
            <span>评估时间</span>
            <DatePicker
              size="large"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={form.assessedAt ? dayjs(form.assessedAt) : null}
              disabled={!editable}
              onChange={(d) => update((s) => ({ ...s, assessedAt: d ? d.toISOString() : null }))}
              style={{ width: '100%' }}
            />
          </label>
        </div>

        <Typography.Title level={3} className="yy-sub">
          A.2.14 近30天照护风险事件
        </Typography.Title>
        <div className="yy-risk">
          {riskEventTypes.map((t) => (
            <div key={t} className="yy-risk-row">
              <span className="yy-risk-label" id={`risk-${t}`}>
                {riskEventTypeLabels[t]}
              </span>
              <Radio.Group
                aria-labelledby={`risk-${t}`}
                optionType="button"
                buttonStyle="solid"
                size="large"
                disabled={!editable}
                value={form.info.riskEvents[t] ?? 0}
                options={riskOptions}
                onChange={(e) => update((s) => ({ ...s, info: { ...s.info, riskEvents: { ...s.info.riskEvents, [t]: e.target.value as number } } }))}
              />
            </div>
          ))}
          <div className="yy-help">
            合计 {live.flags.riskEvents} 次{live.flags.riskEvents >= 2 ? '，达到 2 次，等级将提高一级' : ''}
          </div>
        </div>

        <Typography.Title level={3} className="yy-sub">
          A.4 疾病诊断（ICD-10）
        </Typography.Title>
        <div className="yy-diagnoses">
          {form.info.diagnoses.map((d, i) => (
            <Space.Compact key={i} className="yy-diagnosis">
              <Input
                size="large"
                aria-label={`诊断 ${i + 1} 名称`}
                value={d.name}
                disabled={!editable}
                placeholder="疾病名称"
                onChange={(e) =>
                  update((s) => ({ ...s, info: { ...s.info, diagnoses: s.info.diagnoses.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) } }))
                }
              />
              <Input
                size="large"
                aria-label={`诊断 ${i + 1} ICD-10 编码`}
                value={d.icd10}
                disabled={!editable}
                placeholder="ICD-10，如 F03"
                style={{ maxWidth: 170 }}
                onChange={(e) =>
                  update((s) => ({
                    ...s,
                    info: { ...s.info, diagnoses: s.info.diagnoses.map((x, j) => (j === i ? { ...x, icd10: e.target.value.toUpperCase() } : x)) },
                  }))
                }
              />
              <Button
                size="large"
                icon={<DeleteOutlined />}
                aria-label={`删除诊断 ${d.name}`}
                disabled={!editable}
                onClick={() => update((s) => ({ ...s, info: { ...s.info, diagnoses: s.info.diagnoses.filter((_, j) => j !== i) } }))}
              />
            </Space.Compact>
          ))}
          {editable ? (
            <div className="yy-chips">
              {commonDiagnoses
                .filter((c) => !form.info.diagnoses.some((d) => d.icd10 === c.icd10))
                .map((c) => (
                  <Button key={c.icd10} onClick={() => update((s) => ({ ...s, info: { ...s.info, diagnoses: [...s.info.diagnoses, c] } }))}>
                    + {c.name} {c.icd10}
                  </Button>
                ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => update((s) => ({ ...s, info: { ...s.info, diagnoses: [...s.info.diagnoses, { name: '', icd10: '' }] } }))}
              >
                其他诊断
              </Button>
            </div>
          ) : null}
          <div className="yy-help">
            {live.flags.dementia
              ? '已诊断痴呆（F00–F03）或其他精神和行为障碍（F04–F99）：等级将提高一级。'
              : 'F00–F99（痴呆、其他精神和行为障碍）会使等级提高一级。'}
          </div>
        </div>

        <Typography.Title level={3} className="yy-sub" id="coma-label">
          A.5.11 昏迷
        </Typography.Title>
        <Radio.Group
          aria-labelledby="coma-label"
          optionType="button"
          buttonStyle="solid"
          size="large"
          disabled={!editable}
          value={form.info.coma}
          options={[
            { value: false, label: '无' },
            { value: true, label: '有（直接评定为最重等级）' },
          ]}
          onChange={(e) => update((s) => ({ ...s, info: { ...s.info, coma: e.target.value as boolean } }))}
        />
      </Card>

      {sections.map((s) => (
        <Card
          key={s.id}
          id={`sec-${s.id}`}
          className="yy-section"
          title={`${s.code} ${s.name}`}
          extra={
            live.subtotals && s.maxPoints !== null ? (
              <span className="yy-subtotal">
                小计 <b>{live.subtotals[s.id]}</b> / {s.maxPoints} 分
              </span>
            ) : null
          }
        >
          {s.items.map((item) => (
            <ItemQuestion
              key={item.key}
              item={item}
              value={form.items[item.key]}
              disabled={!editable}
              flagged={showMissing}
              onChange={(v) => update((st) => ({ ...st, items: { ...st.items, [item.key]: v } }))}
            />
          ))}
        </Card>
      ))}

      <Card id="sec-sign" title="评估人员与签名确认" className="yy-section">
        <div className="yy-signers">
          {[0, 1].map((i) => {
            const key = i === 0 ? 'assessor1' : 'assessor2'
            const person = form.assessors[i]!
            return (
              <div key={i} className="yy-signer">
                <div className="yy-signer-role">
                  评估员{i + 1}
                  {i === 0 ? '（负责人）' : ''}
                </div>
                <Input
                  size="large"
                  aria-label={`评估员${i + 1}姓名`}
                  placeholder="姓名"
                  value={person.name}
                  disabled={!editable || i === 0}
                  onChange={(e) =>
                    update((s) => {
                      const assessors = s.assessors.map((x, j) => (j === i ? { ...x, name: e.target.value } : x))
                      return { ...s, assessors, signatures: { ...s.signatures, [key]: { ...s.signatures[key], name: e.target.value, confirmed: false } } }
                    })
                  }
                />
                <Input
                  size="large"
                  aria-label={`评估员${i + 1}证书编号`}
                  placeholder={i === 0 ? '评估员证书编号（必填）' : '证书编号（如有）'}
                  value={person.certificateNo ?? ''}
                  disabled={!editable}
                  onChange={(e) => update((s) => ({ ...s, assessors: s.assessors.map((x, j) => (j === i ? { ...x, certificateNo: e.target.value } : x)) }))}
                />
                <Checkbox
                  checked={form.signatures[key].confirmed}
                  disabled={!editable || !person.name.trim()}
                  onChange={(e) => update((s) => ({ ...s, signatures: { ...s.signatures, [key]: { name: person.name, confirmed: e.target.checked } } }))}
                >
                  {person.name || '评估员'} 已核对并签名确认
                </Checkbox>
              </div>
            )
          })}
          <div className="yy-signer">
            <div className="yy-signer-role">老年人或信息提供者</div>
            <Input
              size="large"
              aria-label="信息提供者姓名"
              placeholder="姓名"
              value={form.signatures.informant.name}
              disabled={!editable}
              onChange={(e) =>
                update((s) => ({ ...s, signatures: { ...s.signatures, informant: { ...s.signatures.informant, name: e.target.value, confirmed: false } } }))
              }
            />
            <Input
              size="large"
              aria-label="与老人关系"
              placeholder="与老人关系，如 本人、儿子"
              value={form.signatures.informant.relation ?? ''}
              disabled={!editable}
              onChange={(e) => update((s) => ({ ...s, signatures: { ...s.signatures, informant: { ...s.signatures.informant, relation: e.target.value } } }))}
            />
            <Checkbox
              checked={form.signatures.informant.confirmed}
              disabled={!editable || !form.signatures.informant.name.trim()}
              onChange={(e) =>
                update((s) => ({ ...s, signatures: { ...s.signatures, informant: { ...s.signatures.informant, confirmed: e.target.checked } } }))
              }
            >
              已向其说明评估结果并签名确认
            </Checkbox>
          </div>
        </div>
      </Card>

      {editable ? (
        <div className="yy-form-foot">
          <SaveIndicator state={autosave.state} savedAt={autosave.savedAt} error={autosave.error} onRetry={() => void autosave.flush()} />
          <Button
            type="primary"
            size="large"
            disabled={!complete}
            loading={submitting}
            onClick={() => void submit()}
            style={{ minWidth: elderMode ? 220 : 160 }}
          >
            提交审核
          </Button>
        </div>
      ) : null}
    </div>
  )
}
