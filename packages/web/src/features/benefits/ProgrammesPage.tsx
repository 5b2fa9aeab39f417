import { benefitDeliveries, benefitDeliveryLabels, fundSourceLabels, fundSources, validateProgramme } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Skeleton, Space, Spin, Switch, Table, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { dayjs } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { searchElders } from '../assessments/api'
import { benefitKeys, fetchProgrammes, previewProgramme, updateProgramme, yuan, type ProgrammeRow } from './api'
import { Clauses } from './Clauses'
import { AmountTable, RuleNode } from './RuleForm'
import { cleanAmount, cleanRule } from './ruleModel'
import './benefits.css'

type Draft = Record<string, unknown>

/** Parses the JSON of a rule box; null with the error message when it does not parse. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    return { ok: false, error: `JSON 格式有误：${(e as Error).message}` }
  }
}

function Editor({ row }: { row: ProgrammeRow }) {
  const can = useCan()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const def = row.definition as Draft
  const [name, setName] = useState(String(def.name))
  const [summary, setSummary] = useState(String(def.summary))
  const [basis, setBasis] = useState(String(def.basis))
  const [notice, setNotice] = useState(def.notice as { enabled: boolean; days: number })
  const [needsAssessment, setNeedsAssessment] = useState(Boolean(def.needsAssessment))
  const [homeVerification, setHomeVerification] = useState(Boolean(def.homeVerification))
  const [deadlines, setDeadlines] = useState(def.deadlines as Record<string, number>)
  const [delivery, setDelivery] = useState(String(def.delivery))
  const [fundSource, setFundSource] = useState(String(def.fundSource))
  const [group, setGroup] = useState(typeof def.group === 'string' ? def.group : '')
  const [reviewCycleMonths, setReviewCycleMonths] = useState<number | null>(Number(def.reviewCycleMonths))
  // The form edits the objects; 高级（JSON） edits their text. Switching over carries the value.
  const [advanced, setAdvanced] = useState(false)
  const [eligObj, setEligObj] = useState<unknown>(def.eligibility)
  const [amountObj, setAmountObj] = useState<unknown>(def.amount)
  const [eligibility, setEligibility] = useState(JSON.stringify(def.eligibility, null, 2))
  const [amount, setAmount] = useState(JSON.stringify(def.amount, null, 2))
  const [keyword, setKeyword] = useState('')
  const [elderId, setElderId] = useState<string | null>(null)
  const [month, setMonth] = useState(dayjs().add(1, 'month').format('YYYY-MM'))

  const e = advanced ? parseJson(eligibility) : ({ ok: true, value: eligObj } as const)
  const am = advanced ? parseJson(amount) : ({ ok: true, value: amountObj } as const)
  const draft = useMemo<Draft | null>(
    () =>
      // Labels are saved trimmed and a blank one is left out (core refuses an empty label).
      e.ok && am.ok
        ? {
            ...def,
            name,
            summary,
            basis,
            notice,
            needsAssessment,
            homeVerification,
            deadlines,
            delivery,
            fundSource,
            // An empty 互斥组 means none (择高申领 only within a named group).
            group: group.trim() === '' ? null : group.trim(),
            reviewCycleMonths,
            eligibility: cleanRule(e.value),
            amount: cleanAmount(am.value),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      row.version,
      name,
      summary,
      basis,
      notice,
      needsAssessment,
      homeVerification,
      deadlines,
      delivery,
      fundSource,
      group,
      reviewCycleMonths,
      advanced,
      eligibility,
      amount,
      eligObj,
      amountObj,
    ],
  )
  const validation = useMemo(() => (draft ? validateProgramme(draft) : null), [draft])
  const ruleErrors = validation && !validation.ok ? validation.errors : []
  const toggleAdvanced = (on: boolean) => {
    if (on) {
      setEligibility(JSON.stringify(eligObj, null, 2))
      setAmount(JSON.stringify(amountObj, null, 2))
      setAdvanced(true)
      return
    }
    if (!e.ok || !am.ok) {
      message.error('JSON 格式有误，请先改正再切换到表单')
      return
    }
    setEligObj(e.value)
    setAmountObj(am.value)
    setAdvanced(false)
  }
  const [debounced, setDebounced] = useState(draft)
  useEffect(() => {
    const t = setTimeout(() => setDebounced(draft), 300)
    return () => clearTimeout(t)
  }, [draft])

  const elders = useQuery({ queryKey: ['elders', 'search', keyword], queryFn: () => searchElders(keyword), enabled: keyword.length > 0 })
  const preview = useQuery({
    queryKey: ['benefits', 'preview', row.code, debounced, elderId, month],
    queryFn: () => previewProgramme({ definition: debounced, elderId: elderId!, month }),
    enabled: !!debounced && !!elderId,
  })
  const save = useMutation({
    mutationFn: () => updateProgramme(row.code, { version: row.version, definition: draft }),
    onSuccess: async () => {
      message.success('已保存，新申请和下月动态调整按新规则执行')
      await queryClient.invalidateQueries({ queryKey: benefitKeys.programmes })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const editable = can('benefit:configure')

  return (
    <div className="yy-programme-editor">
      <Card
        title={`编辑：${row.name}`}
        extra={
          editable ? (
            <Button type="primary" disabled={!draft || ruleErrors.length > 0} loading={save.isPending} onClick={() => save.mutate()}>
              保存
            </Button>
          ) : null
        }
      >
        <Form layout="vertical" disabled={!editable}>
          <Form.Item label="项目名称">
            <Input aria-label="项目名称" value={name} onChange={(x) => setName(x.target.value)} />
          </Form.Item>
          <Space wrap size={16} align="start">
            <Form.Item label="发放方式">
              <Select
                aria-label="发放方式"
                style={{ width: 140 }}
                value={delivery}
                onChange={setDelivery}
                options={benefitDeliveries.map((d) => ({ value: d, label: benefitDeliveryLabels[d] }))}
              />
            </Form.Item>
            <Form.Item label="资金来源">
              <Select
                aria-label="资金来源"
                style={{ width: 140 }}
                value={fundSource}
                onChange={setFundSource}
                options={fundSources.map((f) => ({ value: f, label: fundSourceLabels[f] }))}
              />
            </Form.Item>
            <Form.Item label="互斥组（择高申领）" tooltip="同一互斥组的项目只享受金额最高的一项；留空表示不与其他项目互斥">
              <Input aria-label="互斥组" style={{ width: 140 }} maxLength={40} placeholder="不互斥" value={group} onChange={(x) => setGroup(x.target.value)} />
            </Form.Item>
            <Form.Item label="复核周期（月）">
              <InputNumber aria-label="复核周期（月）" min={1} max={36} precision={0} value={reviewCycleMonths} onChange={setReviewCycleMonths} />
            </Form.Item>
          </Space>
          <Space wrap size={24}>
            <Form.Item label="需要能力评估">
              <Switch aria-label="需要能力评估" checked={needsAssessment} onChange={setNeedsAssessment} />
            </Form.Item>
            <Form.Item label="入户核查">
              <Switch aria-label="入户核查" checked={homeVerification} onChange={setHomeVerification} />
            </Form.Item>
            <Form.Item label="公示">
              <Switch aria-label="公示" checked={notice.enabled} onChange={(enabled) => setNotice({ ...notice, enabled })} />
            </Form.Item>
            <Form.Item label="公示天数">
              <InputNumber aria-label="公示天数" min={1} max={30} value={notice.days} onChange={(days) => setNotice({ ...notice, days: Number(days ?? 7) })} />
            </Form.Item>
          </Space>
          <Form.Item label="各环节时限（工作日）">
            <Space wrap>
              {[
                ['accept', '受理'],
                ['verify', '入户核查'],
                ['assess', '能力评估'],
                ['street_review', '街道审核'],
                ['approve', '区县审批'],
              ].map(([k, label]) => (
                <Space key={k} size={4}>
                  <span>{label}</span>
                  <InputNumber
                    aria-label={`${label}时限`}
                    min={1}
                    max={60}
                    value={deadlines[k!]}
                    onChange={(v) => {
                      const next = { ...deadlines }
                      if (v) next[k!] = Number(v)
                      else delete next[k!]
                      setDeadlines(next)
                    }}
                    style={{ width: 72 }}
                  />
                </Space>
              ))}
            </Space>
          </Form.Item>
          <Space size={8} style={{ marginBottom: 12 }}>
            <Switch aria-label="高级（JSON）" checked={advanced} onChange={toggleAdvanced} />
            <span aria-hidden>高级（JSON）</span>
          </Space>
          {advanced ? (
            <>
              <Form.Item
                label="申请条件（规则，JSON；每条 all 子句可写 label 作为中文说明）"
                validateStatus={e.ok ? undefined : 'error'}
                help={e.ok ? undefined : e.error}
              >
                <Input.TextArea
                  aria-label="申请条件规则"
                  rows={10}
                  value={eligibility}
                  onChange={(x) => setEligibility(x.target.value)}
                  style={{ fontFamily: 'monospace' }}
                />
              </Form.Item>
              <Form.Item label="补贴标准（档次，JSON；金额单位：分）" validateStatus={am.ok ? undefined : 'error'} help={am.ok ? undefined : am.error}>
                <Input.TextArea
                  aria-label="补贴标准规则"
                  rows={8}
                  value={amount}
                  onChange={(x) => setAmount(x.target.value)}
                  style={{ fontFamily: 'monospace' }}
                />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Title level={5}>申请条件（逐条判断，每条的中文说明即申请人看到的条款）</Typography.Title>
              <RuleNode node={eligObj} path="eligibility" name="申请条件" depth={0} errors={ruleErrors} onChange={setEligObj} canWrap />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                补贴标准（月金额）
              </Typography.Title>
              <AmountTable value={amountObj} onChange={setAmountObj} errors={ruleErrors} />
            </>
          )}
          {(() => {
            const shown = advanced ? ruleErrors : ruleErrors.filter((x) => !/^(eligibility|amount)\b/.test(x.path))
            return shown.length ? (
              <Alert
                type="error"
                showIcon
                style={{ margin: '12px 0' }}
                title="请先改正以下问题再保存"
                description={
                  <ul>
                    {shown.map((x, i) => (
                      <li key={i}>{advanced ? `${x.path}：${x.message}` : x.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : null
          })()}
          <Form.Item label="政策说明（公开页面）">
            <Input.TextArea aria-label="政策说明" rows={3} value={summary} onChange={(x) => setSummary(x.target.value)} />
          </Form.Item>
          <Form.Item label="政策依据">
            <Input aria-label="政策依据" value={basis} onChange={(x) => setBasis(x.target.value)} />
          </Form.Item>
        </Form>
      </Card>
      <Card title="规则预览（对一位老人逐条判断）">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch={{ filterOption: false, onSearch: (v) => setKeyword(v.trim()) }}
            aria-label="预览用的老年人"
            placeholder="搜索老年人姓名或身份证号"
            style={{ width: 280 }}
            value={elderId ?? undefined}
            onChange={setElderId}
            notFoundContent={elders.isFetching ? <Spin size="small" /> : keyword ? '没有找到' : '请输入姓名'}
            options={(elders.data ?? []).map((x) => ({ value: x.id, label: `${x.name}　${x.age}岁　${x.regionName ?? ''}` }))}
          />
          <DatePicker
            picker="month"
            aria-label="发放月份"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </Space>
        {!elderId ? (
          <Empty description="选择一位老人，修改左侧规则时这里即时显示逐条判断结果" />
        ) : preview.isPending ? (
          <Skeleton active />
        ) : preview.isError ? (
          <Alert type="error" showIcon title="预览失败" description={errorMessage(preview.error)} />
        ) : !preview.data.valid ? (
          <Alert
            type="warning"
            showIcon
            title="规则有误，暂不能判断"
            description={
              <ul>
                {preview.data.errors.map((x, i) => (
                  <li key={i}>{`${x.path}：${x.message}`}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <>
            <Alert
              type={preview.data.eligible ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={`${month} 发放月：按上月末年龄 ${preview.data.paymentAge ?? '—'} 周岁判断，${preview.data.eligible ? `符合条件，月标准 ${yuan(preview.data.amountFen)}` : '不符合条件'}`}
            />
            <Clauses clauses={preview.data.clauses} />
          </>
        )}
      </Card>
    </div>
  )
}

export function ProgrammesPage() {
  const programmes = useQuery({ queryKey: benefitKeys.programmes, queryFn: fetchProgrammes })
  const [code, setCode] = useState<string | null>(null)
  const row = programmes.data?.find((p) => p.code === (code ?? programmes.data?.[0]?.code))
  return (
    <>
      <PageHeader title="补贴项目" description="补贴项目的条件、标准、流程和时限都是数据：民政局管理员可修改，并对选定老人即时预览逐条判断结果。" />
      {programmes.isError ? <Alert type="error" showIcon title="补贴项目加载失败" description={errorMessage(programmes.error)} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Table<ProgrammeRow>
          rowKey="code"
          size="middle"
          loading={programmes.isFetching}
          dataSource={programmes.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.code === row?.code ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setCode(r.code) })}
          columns={[
            {
              title: '项目',
              dataIndex: 'name',
              render: (v: string, r) => (
                <Button type="link" onClick={() => setCode(r.code)}>
                  {v}
                </Button>
              ),
            },
            { title: '发放方式', dataIndex: 'delivery', render: (d: keyof typeof benefitDeliveryLabels) => benefitDeliveryLabels[d] },
            {
              title: '公示',
              key: 'notice',
              render: (_v, r) =>
                (r.definition.notice as { enabled: boolean; days: number }).enabled ? `${(r.definition.notice as { days: number }).days} 天` : '不公示',
            },
            { title: '能力评估', key: 'a', render: (_v, r) => (r.definition.needsAssessment ? '需要' : '不需要') },
            { title: '状态', dataIndex: 'isActive', render: (v: boolean) => (v ? '启用' : '停用') },
          ]}
        />
      </Card>
      {row ? <Editor key={`${row.code}:${row.version}`} row={row} /> : null}
    </>
  )
}
