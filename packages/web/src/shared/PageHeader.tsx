import { Typography } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { useElderMode } from '../app/elderMode'

/** Page title (h1), one-line description and the page's main actions; also sets document.title. */
export function PageHeader({ title, description, extra }: { title: string; description?: ReactNode; extra?: ReactNode }) {
  const { elderMode } = useElderMode()
  useEffect(() => {
    document.title = `${title} · 颐养 · 智慧养老服务信息平台`
    return () => {
      document.title = '颐养 · 智慧养老服务信息平台'
    }
  }, [title])
  return (
    <div className="yy-page-head">
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: elderMode ? 32 : 22, lineHeight: 1.35 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" className="yy-page-desc">
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  )
}
