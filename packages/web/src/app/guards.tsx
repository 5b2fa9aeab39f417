import { Button, Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import { errorMessage } from '../api/client'
import { useCan, useMe } from './session'

export function FullPageSpin({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }} role="status">
      <Spin size="large" description={tip} />
    </div>
  )
}

/** Renders children only with a valid session; otherwise goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error, refetch } = useMe()
  const location = useLocation()
  if (isPending) return <FullPageSpin tip="正在验证登录状态…" />
  if (isError) {
    return (
      <Result
        status="warning"
        title="暂时无法连接服务器"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    )
  }
  if (!me) {
    const next = location.pathname + location.search
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
  }
  return <>{children}</>
}

export function ForbiddenPage() {
  const navigate = useNavigate()
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有打开此页面的权限。如需开通，请联系本级系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  )
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan()
  return can(permission) ? <>{children}</> : <ForbiddenPage />
}
