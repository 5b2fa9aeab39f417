import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CheckCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { ApiError, errorMessage, type Me } from '../../api/client'
import { BrandLogo } from '../../app/Brand'
import { useElderMode } from '../../app/elderMode'
import { useHealth, useMe } from '../../app/session'
import { minutesUntil } from '../../shared/format'
import { authKeys, login, clearSessionExpired, peekSessionExpired, updatePreferences } from './api'

const DEMO_USER = 'admin'
const DEMO_PASSWORD = 'yiyang-demo'

/** Turn a login failure into the sentence the user should read. */
function loginErrorText(err: unknown): { title: string; detail?: string } {
  if (!(err instanceof ApiError)) return { title: errorMessage(err) }
  switch (err.code) {
    case 'INVALID_CREDENTIALS':
      return { title: err.message || '用户名或密码错误', detail: '请检查后重新输入。多次输错后账号将被临时锁定。' }
    case 'ACCOUNT_LOCKED': {
      const until = typeof err.payload.lockedUntil === 'string' ? err.payload.lockedUntil : null
      const after = typeof err.payload.retryAfterMinutes === 'number' ? err.payload.retryAfterMinutes : null
      const minutes = after ?? (until ? minutesUntil(until) : null)
      const hasNumber = /\d/.test(err.message)
      return {
        title: err.message || '账号已被临时锁定',
        detail: minutes && !hasNumber ? `请约 ${minutes} 分钟后再试，或联系管理员解锁。` : '请到时间后再试；如果忘记了密码，请联系本级系统管理员重置。',
      }
    }
    case 'RATE_LIMITED':
      return { title: err.message || '登录尝试过于频繁', detail: '请稍等片刻再试。' }
    case 'ACCOUNT_DISABLED':
      return { title: err.message || '账号已停用', detail: '请联系本级系统管理员。' }
    default:
      return { title: err.message }
  }
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/'
}

export function LoginPage() {
  const [form] = Form.useForm<{ username: string; password: string }>()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: me } = useMe()
  const { data: health } = useHealth()
  const { elderMode, setLocalElderMode } = useElderMode()
  const [elderTouched, setElderTouched] = useState(false)
  const [expired] = useState(peekSessionExpired)
  useEffect(() => clearSessionExpired(), [])

  useEffect(() => {
    document.title = '登录 · 颐养 · 智慧养老服务信息平台'
    return () => {
      document.title = '颐养 · 智慧养老服务信息平台'
    }
  }, [])

  const mutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username.trim(), v.password),
    onSuccess: async ({ user }) => {
      let signedIn: Me = user
      // A choice made on this page just now wins over the stored one.
      if (elderTouched && user.elderMode !== elderMode) {
        try {
          signedIn = (await updatePreferences({ elderMode })).user
        } catch {
          signedIn = { ...user, elderMode }
        }
      } else {
        setLocalElderMode(user.elderMode)
      }
      queryClient.setQueryData(authKeys.me, signedIn)
      navigate(safeNext(params.get('next')), { replace: true })
    },
    onError: () => form.setFieldValue('password', ''),
  })

  if (me && !mutation.isPending) return <Navigate to={safeNext(params.get('next'))} replace />

  const error = mutation.isError ? loginErrorText(mutation.error) : null

  return (
    <div className="yy-login">
      <section className="yy-login-hero" aria-label="平台介绍">
        <div>
          <Space size={14} align="center">
            <BrandLogo size={elderMode ? 60 : 52} />
            <Typography.Text style={{ color: '#fff', fontSize: elderMode ? 22 : 18, letterSpacing: 2 }}>民政养老服务</Typography.Text>
          </Space>
          <h1>颐养 · 智慧养老服务信息平台</h1>
          <p>面向区县民政部门的养老服务一体化平台：老人档案、能力评估、服务补贴、居家上门与监督管理，一网通办。</p>
          <ul className="yy-login-points">
            {[
              '数据按行政区划分级授权，只看管辖范围内的信息',
              '个人信息加密存储、脱敏展示，操作全程留痕可追溯',
              '支持长辈模式：大字号、高对比度，看得清、点得准',
            ].map((t) => (
              <li key={t}>
                <CheckCircleFilled style={{ color: '#4fd1c5' }} aria-hidden />
                {t}
              </li>
            ))}
          </ul>
        </div>
        <div className="yy-login-foot">开源软件 · 可私有化部署{health?.version ? ` · 版本 ${health.version}` : ''}</div>
      </section>

      <main className="yy-login-panel">
        <Card className="yy-login-card" variant="borderless" style={{ boxShadow: '0 8px 30px rgba(13,47,82,.12)' }}>
          <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
            账号登录
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            请使用本单位分配的工作账号登录
          </Typography.Paragraph>

          {expired && !error ? <Alert type="warning" showIcon title="登录已过期或已在其他地方退出，请重新登录。" style={{ marginBottom: 16 }} /> : null}
          {error ? <Alert type="error" showIcon role="alert" title={error.title} description={error.detail} style={{ marginBottom: 16 }} /> : null}

          <Form
            name="login"
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(v) => mutation.mutate(v)}
            onValuesChange={() => mutation.isError && mutation.reset()}
          >
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden />} placeholder="请输入用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 16 }}>
              <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
                {mutation.isPending ? '正在登录…' : '登 录'}
              </Button>
            </Form.Item>
          </Form>

          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
            <label htmlFor="yy-login-elder" style={{ cursor: 'pointer' }}>
              长辈模式（大字号、高对比度）
            </label>
            <Switch
              id="yy-login-elder"
              checked={elderMode}
              onChange={(on) => {
                setElderTouched(true)
                setLocalElderMode(on)
              }}
              checkedChildren="开"
              unCheckedChildren="关"
            />
          </div>

          {health?.demo ? (
            <Alert
              type="info"
              style={{ marginTop: 20 }}
              title="当前为演示环境"
              description={
                <div>
                  演示账号 <Typography.Text code>{DEMO_USER}</Typography.Text> 密码 <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
                  <Button type="link" size="small" onClick={() => form.setFieldsValue({ username: DEMO_USER, password: DEMO_PASSWORD })}>
                    填入演示账号
                  </Button>
                </div>
              }
            />
          ) : null}
          <Typography.Paragraph type="secondary" className="yy-small" style={{ marginTop: 20, marginBottom: 0 }}>
            忘记密码请联系本级系统管理员重置。
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  )
}
