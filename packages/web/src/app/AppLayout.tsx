import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  DownOutlined,
  EnvironmentOutlined,
  EyeOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { Alert, App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Switch, Typography, type MenuProps } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom'
import type { Me } from '../api/client'
import { authKeys, logout } from '../features/auth/api'
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal'
import { roleLabel } from '../shared/labels'
import { Brand } from './Brand'
import { useElderMode, useToggleElderMode } from './elderMode'
import { ErrorBoundary } from './ErrorPages'
import { GROUP_LABELS, NAV_ITEMS } from './nav'
import { hasPermission, useHealth, useMe } from './session'

const { Header, Sider, Content, Footer } = Layout

function useMenuItems(me: Me | null | undefined): MenuProps['items'] {
  return useMemo(() => {
    const visible = NAV_ITEMS.filter((item) => hasPermission(me, item.permission))
    const toItem = (item: (typeof NAV_ITEMS)[number]) => ({
      key: item.path,
      icon: item.icon,
      label: <Link to={item.path}>{item.label}</Link>,
    })
    const home = visible.filter((i) => i.path === '/').map(toItem)
    const main = visible.filter((i) => i.group === 'main' && i.path !== '/').map(toItem)
    const system = visible.filter((i) => i.group === 'system').map(toItem)
    const items: NonNullable<MenuProps['items']> = [...home]
    if (main.length > 0) items.push({ type: 'group', key: 'g-main', label: GROUP_LABELS.main, children: main })
    if (system.length > 0) items.push({ type: 'group', key: 'g-system', label: GROUP_LABELS.system, children: system })
    return items
  }, [me])
}

function selectedKey(pathname: string): string {
  const match = NAV_ITEMS.filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(i.path + '/')))
  return match.length > 0 ? match[match.length - 1]!.path : pathname === '/' ? '/' : ''
}

export function AppLayout() {
  const { data: me } = useMe()
  const { data: health } = useHealth()
  const screens = Grid.useBreakpoint()
  const isMobile = screens.md === false
  // Below 1200 px (tablets, small laptops) the sidebar starts collapsed so the content keeps its
  // width; the toggle still opens it, and crossing the breakpoint returns to the default.
  const isNarrow = screens.xl === false
  const [userCollapsed, setUserCollapsed] = useState<boolean | null>(null)
  useEffect(() => setUserCollapsed(null), [isNarrow])
  const collapsed = userCollapsed ?? isNarrow
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [pwdOpen, setPwdOpen] = useState(false)
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { message } = App.useApp()
  const { setLocalElderMode } = useElderMode()
  const { elderMode, setElderMode, saving } = useToggleElderMode()
  const items = useMenuItems(me)

  // The server copy of the preference wins once we know who is signed in.
  const serverElderMode = me?.elderMode
  useEffect(() => {
    if (serverElderMode !== undefined) setLocalElderMode(serverElderMode)
  }, [me?.id, serverElderMode, setLocalElderMode])

  useEffect(() => setDrawerOpen(false), [location.pathname])

  const logoutMutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.setQueryData(authKeys.me, null)
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'health' })
      message.success('您已安全退出')
      navigate('/login', { replace: true })
    },
  })

  if (!me) return null
  // Outside the demo an initial password must be changed before anything else; in the demo the
  // shared demo password stays usable and a banner reminds instead.
  // The server enforces an initial or reset password (passwordChangeRequired) everywhere; the
  // shared demo password is forced only outside the demo, where it otherwise only reminds.
  const mustChangeNow = me.passwordChangeRequired || (me.mustChangePassword && health?.demo === false)
  const remindChange = me.mustChangePassword && !mustChangeNow

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div style={{ lineHeight: 1.5, padding: '2px 0' }}>
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {me.username} · {roleLabel(me.role)}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'password', icon: <LockOutlined />, label: '修改密码' },
      { key: 'elder', icon: <EyeOutlined />, label: elderMode ? '关闭长辈模式' : '开启长辈模式' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setPwdOpen(true)
      else if (key === 'elder') setElderMode(!elderMode)
      else if (key === 'logout') logoutMutation.mutate()
    },
  }

  const menu = (
    <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} aria-label="主菜单" style={{ borderInlineEnd: 0 }} />
  )

  const siderWidth = elderMode ? 260 : 224

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#yy-main" className="yy-skip-link">
        跳到主要内容
      </a>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={elderMode ? 300 : 260}
          closable={false}
          rootClassName="yy-drawer-menu"
          styles={{ body: { padding: 0, background: elderMode ? '#001d3d' : '#0d2f52' }, header: { display: 'none' } }}
          title="主菜单"
        >
          <Brand />
          {menu}
        </Drawer>
      ) : (
        <Sider width={siderWidth} collapsedWidth={elderMode ? 88 : 72} collapsible collapsed={collapsed} trigger={null}>
          {/* The sider stretches with the page; its content stays in view while scrolling. */}
          <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
            <Brand compact={collapsed} />
            <nav aria-label="主导航">{menu}</nav>
          </div>
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="yy-header">
          {isMobile ? (
            <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? '展开侧边菜单' : '收起侧边菜单'}
              onClick={() => setUserCollapsed(!collapsed)}
            />
          )}
          <Space size={6} className="yy-header-scope" title={`管辖范围：${me.scopeRegionName}`}>
            <EnvironmentOutlined aria-hidden />
            <span className="yy-hide-mobile yy-hide-narrow">管辖范围：</span>
            <Typography.Text strong>{me.scopeRegionName || '—'}</Typography.Text>
          </Space>
          <div className="yy-header-spacer" />
          <Space size={8} className="yy-hide-mobile yy-header-elder">
            <label htmlFor="yy-elder-switch" style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}>
              长辈模式
            </label>
            <Switch id="yy-elder-switch" checked={elderMode} loading={saving} onChange={(on) => setElderMode(on)} checkedChildren="开" unCheckedChildren="关" />
          </Space>
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" aria-label={`用户菜单：${me.displayName}`} style={{ height: 'auto', paddingBlock: 4 }}>
              <Space size={8}>
                <Avatar size={elderMode ? 40 : 32} style={{ background: elderMode ? '#003a8c' : '#1a5fb4' }} icon={<UserOutlined />} />
                <span className="yy-hide-mobile">{me.displayName}</span>
                <DownOutlined aria-hidden style={{ fontSize: 12 }} />
              </Space>
            </Button>
          </Dropdown>
        </Header>
        <Content className="yy-content">
          <main id="yy-main" tabIndex={-1} style={{ outline: 'none' }}>
            {remindChange ? (
              // One line, so that it does not take a fifth of a tablet screen (issue 24 item 9).
              <Alert
                type="warning"
                showIcon
                className="yy-demo-banner"
                style={{ marginBottom: 12, paddingBlock: 6 }}
                title="您正在使用演示环境的初始密码，正式使用前请修改。"
                action={
                  <Button size="small" onClick={() => setPwdOpen(true)}>
                    修改密码
                  </Button>
                }
              />
            ) : null}
            <ErrorBoundary resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </main>
        </Content>
        <Footer style={{ textAlign: 'center', padding: '12px 24px 20px', background: 'transparent' }}>
          <Typography.Text type="secondary" style={{ fontSize: elderMode ? 20 : 13 }}>
            颐养 · 智慧养老服务信息平台{health?.version ? ` · 版本 ${health.version}` : ''}
          </Typography.Text>
        </Footer>
      </Layout>
      <ChangePasswordModal open={pwdOpen || mustChangeNow} forced={mustChangeNow} username={me.username} onClose={() => setPwdOpen(false)} />
    </Layout>
  )
}
