import { ConfigProvider } from 'antd'
import { NavLink, Outlet } from 'react-router-dom'
import { BrandLogo } from '../../app/Brand'
import { elderTheme } from '../../app/theme'
import { PORTAL_PAGES } from './pages'
import './portal.css'

/**
 * The public portal (no login): large type (20 px and up), high contrast, one column on a phone.
 * Always in the elder theme, whatever the staff preference on this browser.
 */
export function PortalLayout() {
  return (
    <ConfigProvider theme={{ ...elderTheme, cssVar: { key: 'yy-pt' } }} componentSize="large">
      <div className="yy-portal">
        <a href="#yy-portal-main" className="yy-skip-link">
          跳到正文
        </a>
        <header className="yy-portal-head">
          <div className="yy-portal-brand">
            <BrandLogo size={44} />
            <div>
              <div className="yy-portal-title">颐养 · 养老服务公开信息</div>
              <div className="yy-portal-sub">无需登录，随时查看</div>
            </div>
          </div>
          <nav aria-label="公开信息导航" className="yy-portal-nav">
            {PORTAL_PAGES.map((p) => (
              <NavLink key={p.path} to={`/portal/${p.path}`} className={({ isActive }) => (isActive ? 'active' : '')}>
                {p.label}
              </NavLink>
            ))}
          </nav>
        </header>
        <main id="yy-portal-main" className="yy-portal-main">
          <Outlet />
        </main>
        <footer className="yy-portal-foot">
          养老服务咨询请拨打 12349 · 本页面公开信息不含任何个人信息 · <a href="/login">工作人员登录</a>
        </footer>
      </div>
    </ConfigProvider>
  )
}
