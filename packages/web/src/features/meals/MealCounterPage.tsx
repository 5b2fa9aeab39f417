import { mealTimeLabels, mealTimes, type TMealTime } from '@yiyang/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { CheckCircleOutlined, IdcardOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Input, Radio, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { ApiError, errorMessage } from '../../api/client'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { formatClock } from '../../shared/format'
import { yuan } from '../orders/labels'
import { fetchCanteen, lookupElder, mealKeys, serveMeal, type MealElderCard, type MealReceipt } from './api'
import './meals.css'

const sexLabels = { male: '男', female: '女' } as const

/** A fresh key per attempt: a double tap sends the same key and gets the first meal back. */
const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`)

/**
 * 助餐登记 (counter of a canteen, tablet 1024×768 or phone 375): find the elder by ID number or
 * phone, choose lunch or dinner and the meal, record it in one tap. Subsidy and self-pay are
 * shown before the tap, from the server's split.
 */
export function MealCounterPage() {
  const queryClient = useQueryClient()
  const canteen = useQuery({ queryKey: mealKeys.canteen, queryFn: fetchCanteen, retry: false })
  const [text, setText] = useState('')
  const [found, setFound] = useState<MealElderCard[] | null>(null)
  const [elder, setElder] = useState<MealElderCard | null>(null)
  const [mealTime, setMealTime] = useState<TMealTime | null>(null)
  const [itemCode, setItemCode] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<MealReceipt | null>(null)
  const [attempt, setAttempt] = useState(0)
  // One key per (elder, meal time, meal, attempt): taps in between reuse it.
  const key = useMemo(() => newKey(), [elder?.elderId, mealTime, itemCode, attempt]) // eslint-disable-line react-hooks/exhaustive-deps

  const lookup = useMutation({
    mutationFn: (t: string) => lookupElder(t),
    onSuccess: (r) => {
      setFound(r.items)
      pick(r.items.length === 1 ? r.items[0]! : null)
    },
  })
  const serve = useMutation({
    mutationFn: () => serveMeal({ elderId: elder!.elderId, itemCode: itemCode!, mealTime: mealTime!, idempotencyKey: key }),
    onSuccess: async (r) => {
      setReceipt(r)
      await queryClient.invalidateQueries({ queryKey: mealKeys.all })
    },
    onError: () => setAttempt((a) => a + 1),
  })

  function pick(e: MealElderCard | null) {
    setElder(e)
    setReceipt(null)
    serve.reset()
    const proposed = canteen.data?.mealTime ?? 'lunch'
    setMealTime(e ? (e.servedToday.includes(proposed) ? (mealTimes.find((m) => !e.servedToday.includes(m)) ?? null) : proposed) : null)
    setItemCode(e?.quotes.length === 1 ? e.quotes[0]!.itemCode : null)
  }
  function next() {
    setText('')
    setFound(null)
    pick(null)
  }

  if (canteen.isPending) return <Skeleton active />
  if (canteen.isError) {
    const notCanteen = canteen.error instanceof ApiError && canteen.error.status === 403
    return (
      <>
        <PageHeader title="助餐登记" />
        <Alert
          type={notCanteen ? 'info' : 'error'}
          showIcon
          title={notCanteen ? '本账号不是助餐点（敬老餐厅）的工作人员，不能登记用餐。' : errorMessage(canteen.error)}
        />
      </>
    )
  }
  const c = canteen.data
  const quote = elder?.quotes.find((q) => q.itemCode === itemCode)

  return (
    <div className="yy-meal-counter">
      <PageHeader
        title="助餐登记"
        description={
          <>
            {c.name}
            {c.supplierName ? `（${c.supplierName}统一配送）` : ''} · {c.serviceDate} · 当前餐次：{mealTimeLabels[c.mealTime]}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title="查找老人">
            <form
              onSubmit={(ev) => {
                ev.preventDefault()
                if (text.trim()) lookup.mutate(text.trim())
              }}
            >
              <Space.Compact block>
                <Input
                  size="large"
                  aria-label="身份证号或手机号"
                  placeholder="身份证号或手机号"
                  prefix={<IdcardOutlined />}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoComplete="off"
                  inputMode="text"
                />
                <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined />} loading={lookup.isPending}>
                  查找
                </Button>
              </Space.Compact>
            </form>
            {lookup.isError ? <Alert className="yy-meal-gap" type="error" showIcon title={errorMessage(lookup.error)} /> : null}
            {found && found.length === 0 ? (
              <Empty className="yy-meal-gap" description="未找到该老人：请核对号码，或老人不在本助餐点服务范围内（可全额自费就餐）" />
            ) : null}
            {found && found.length > 1 ? (
              <Radio.Group
                className="yy-meal-gap yy-meal-choices"
                value={elder?.elderId}
                onChange={(e) => pick(found.find((f) => f.elderId === e.target.value) ?? null)}
              >
                {found.map((f) => (
                  <Radio.Button key={f.elderId} value={f.elderId}>
                    {f.nameMasked} {f.idMasked}
                  </Radio.Button>
                ))}
              </Radio.Group>
            ) : null}
            {elder ? (
              <div className="yy-meal-card yy-meal-gap" aria-label="老人信息">
                <div className="yy-meal-avatar" aria-hidden>
                  <UserOutlined />
                </div>
                <div>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {elder.nameMasked}
                  </Typography.Title>
                  <div>
                    {sexLabels[elder.sex]} · {elder.age} 岁 · {elder.idMasked}
                  </div>
                  <Space wrap size={[4, 4]} style={{ marginTop: 6 }}>
                    {elder.tierLabel ? <StatusTag tone="success">助餐补贴：{elder.tierLabel}</StatusTag> : <StatusTag tone="neutral">不享受助餐补贴</StatusTag>}
                    {elder.categoryLabels.map((l) => (
                      <Tag key={l}>{l}</Tag>
                    ))}
                  </Space>
                  {elder.servedToday.length ? (
                    <div className="yy-meal-served">今日已登记：{elder.servedToday.map((m) => mealTimeLabels[m]).join('、')}</div>
                  ) : null}
                </div>
              </div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title="登记用餐">
            {receipt ? (
              <Result
                status="success"
                icon={<CheckCircleOutlined />}
                title={`已登记：${receipt.nameMasked} ${mealTimeLabels[receipt.mealTime]}`}
                subTitle={
                  <>
                    <div>
                      {receipt.itemName}：餐费 {yuan(receipt.priceFen)}，政府补贴 {yuan(receipt.subsidyFen)}，
                      <strong>应收自付 {yuan(receipt.selfPayFen)}</strong>
                    </div>
                    <div>
                      单号 {receipt.orderNo} · {formatClock(receipt.servedAt)}
                      {receipt.repeated ? '（重复提交，未重复登记）' : ''}
                    </div>
                  </>
                }
                extra={
                  <Button size="large" type="primary" onClick={next}>
                    下一位
                  </Button>
                }
              />
            ) : !elder ? (
              <Empty description="请先查找老人" />
            ) : (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <div>
                  <div className="yy-meal-label" id="meal-time-label">
                    餐次
                  </div>
                  <Radio.Group
                    aria-labelledby="meal-time-label"
                    className="yy-meal-choices"
                    value={mealTime}
                    onChange={(e) => {
                      setMealTime(e.target.value as TMealTime)
                      serve.reset()
                    }}
                    optionType="button"
                    buttonStyle="solid"
                    size="large"
                    options={mealTimes.map((m) => ({
                      value: m,
                      label: elder.servedToday.includes(m) ? `${mealTimeLabels[m]}（已登记）` : mealTimeLabels[m],
                      disabled: elder.servedToday.includes(m),
                    }))}
                  />
                </div>
                <div>
                  <div className="yy-meal-label" id="meal-item-label">
                    餐品
                  </div>
                  {elder.quotes.length === 0 ? (
                    <Alert type="warning" showIcon title="本助餐点今天没有可登记的餐品，请联系管理员维护服务项目" />
                  ) : (
                    <Radio.Group
                      aria-labelledby="meal-item-label"
                      className="yy-meal-choices"
                      value={itemCode}
                      onChange={(e) => {
                        setItemCode(e.target.value as string)
                        serve.reset()
                      }}
                      optionType="button"
                      size="large"
                      options={elder.quotes.map((q) => ({ value: q.itemCode, label: `${q.itemName} ${yuan(q.priceFen)}` }))}
                    />
                  )}
                </div>
                {quote ? (
                  <div className="yy-meal-split" aria-live="polite">
                    <span>餐费 {yuan(quote.priceFen)}</span>
                    <span>政府补贴 {yuan(quote.subsidyFen)}</span>
                    <strong>自付 {yuan(quote.selfPayFen)}</strong>
                  </div>
                ) : null}
                {serve.isError ? <Alert type="error" showIcon title={errorMessage(serve.error)} /> : null}
                <Button
                  type="primary"
                  size="large"
                  block
                  className="yy-meal-confirm"
                  disabled={!mealTime || !quote}
                  loading={serve.isPending}
                  onClick={() => {
                    if (!serve.isPending) serve.mutate()
                  }}
                >
                  {quote && mealTime ? `确认${mealTimeLabels[mealTime]}，收取自付 ${yuan(quote.selfPayFen)}` : '确认用餐'}
                </Button>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  )
}
