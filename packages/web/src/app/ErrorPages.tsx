import { Button, Result, Typography } from 'antd'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router-dom'

export function NotFoundPage() {
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除，请检查地址是否正确。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  )
}

function CrashResult({ detail }: { detail?: string }) {
  return (
    <Result
      status="500"
      title="页面出错了"
      subTitle="很抱歉，页面遇到了意外错误。请刷新后重试；如果问题持续出现，请联系系统管理员。"
      extra={[
        <Button type="primary" key="reload" onClick={() => window.location.reload()}>
          刷新页面
        </Button>,
        <Button key="home" onClick={() => window.location.assign('/')}>
          返回工作台
        </Button>,
      ]}
    >
      {detail ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 0 }}>
          错误信息：<span className="yy-mono">{detail}</span>
        </Typography.Paragraph>
      ) : null}
    </Result>
  )
}

/** Router-level error element: thrown loaders/renders and unknown routes outside the layout. */
export function RouteErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  const detail = error instanceof Error ? error.message : undefined
  return <CrashResult detail={detail} />
}

/** Catches render errors inside one page so the menu and header stay usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('页面渲染错误', error, info.componentStack)
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null })
  }

  override render() {
    return this.state.error ? <CrashResult detail={this.state.error.message} /> : this.props.children
  }
}
