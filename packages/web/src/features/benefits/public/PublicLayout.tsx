import { Layout, Menu } from 'antd'
import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router-dom'
import '../benefits.css'

/** The public pages' frame (no login): a plain header with the two benefit pages. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header
        style={{ background: '#1a5fb4', display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px', flexWrap: 'wrap', height: 'auto', minHeight: 64 }}
      >
        <Link to="/public/notices" style={{ color: '#fff', fontSize: 20, fontWeight: 600, whiteSpace: 'nowrap' }}>
          颐养 · 公开信息
        </Link>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[pathname]}
          style={{ background: 'transparent', flex: 1, minWidth: 200, fontSize: 17 }}
          items={[
            { key: '/public/notices', label: <Link to="/public/notices">补贴公示</Link> },
            { key: '/public/policies', label: <Link to="/public/policies">补贴政策</Link> },
          ]}
        />
      </Layout.Header>
      <Layout.Content>
        <main className="yy-public">{children}</main>
      </Layout.Content>
    </Layout>
  )
}
