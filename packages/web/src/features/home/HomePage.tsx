import { ArrowRightOutlined, EnvironmentOutlined, IdcardOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { GROUP_LABELS, NAV_ITEMS, type NavItem } from '../../app/nav'
import { hasPermission, useHealth, useMe } from '../../app/session'
import { useElderMode } from '../../app/elderMode'
import { dayjs, DISPLAY_TZ, greeting } from '../../shared/format'
import { roleLabel } from '../../shared/labels'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'

export function HomePage() {
  const { data: me } = useMe()
  const { data: health } = useHealth()
  const { elderMode } = useElderMode()
  if (!me) return null
  const now = dayjs().tz(DISPLAY_TZ)
  const links = NAV_ITEMS.filter((i) => i.path !== '/' && hasPermission(me, i.permission))

  return (
    <>
      <PageHeader title="工作台" description={now.format('YYYY年M月D日 dddd')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} lg={14}>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: elderMode ? 30 : 22 }}>
              {greeting(now)}，{me.displayName}
            </Typography.Title>
            <Space wrap size={[16, 8]}>
              <Space size={6}>
                <IdcardOutlined aria-hidden />
                <span>角色：</span>
                <StatusTag tone="info">{roleLabel(me.role)}</StatusTag>
              </Space>
              <span>
                <EnvironmentOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
                管辖范围：<Typography.Text strong>{me.scopeRegionName}</Typography.Text>
                <Typography.Text type="secondary" className="yy-mono yy-hide-mobile">
                  （{me.scopeRegionCode}）
                </Typography.Text>
              </span>
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Alert
              type="info"
              showIcon
              icon={<SafetyCertificateOutlined />}
              title={elderMode ? '长辈模式已开启' : '看不清？试试长辈模式'}
              description={
                elderMode
                  ? '字号更大、对比度更高。可在右上角随时关闭，设置会自动保存。'
                  : '打开右上角的「长辈模式」开关，文字更大、颜色更清楚，换电脑登录也会记住。'
              }
            />
          </Col>
        </Row>
      </Card>

      {links.length === 0 ? (
        <>
          <Typography.Title level={2} style={{ margin: '8px 0 12px', fontSize: elderMode ? 26 : 18 }}>
            常用功能
          </Typography.Title>
          <Card>
            <Empty description="您的账号暂未开通任何功能，请联系本级系统管理员分配权限。" />
          </Card>
        </>
      ) : (
        (Object.keys(GROUP_LABELS) as NavItem['group'][]).map((group) => {
          const items = links.filter((l) => l.group === group)
          if (items.length === 0) return null
          return (
            <section key={group} aria-labelledby={`yy-home-${group}`} style={{ marginBottom: 16 }}>
              <Typography.Title level={2} id={`yy-home-${group}`} style={{ margin: '8px 0 12px', fontSize: elderMode ? 26 : 18 }}>
                {GROUP_LABELS[group]}
              </Typography.Title>
              <Row gutter={[16, 16]}>
                {items.map((item) => (
                  <Col key={item.path} xs={24} sm={12} xl={elderMode ? 12 : 6}>
                    <Link to={item.path} className="yy-quick" aria-label={`${item.label}：${item.description}`} style={{ textDecoration: 'none' }}>
                      <Card hoverable>
                        <Space align="start" size={14}>
                          <span className="yy-quick-icon" style={{ background: item.color }} aria-hidden>
                            {item.icon}
                          </span>
                          <div>
                            <Typography.Text strong style={{ fontSize: '1.1em' }}>
                              {item.label} <ArrowRightOutlined aria-hidden style={{ fontSize: '0.8em' }} />
                            </Typography.Text>
                            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                              {item.description}
                            </Typography.Paragraph>
                          </div>
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </section>
          )
        })
      )}

      {health ? (
        <Card title="系统信息" style={{ marginTop: 16 }} size={elderMode ? undefined : 'small'}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
            <Descriptions.Item label="运行状态">
              <StatusTag tone="success">正常</StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label="数据库">{health.db === 'postgres' ? 'PostgreSQL' : '内置数据库（PGlite）'}</Descriptions.Item>
            <Descriptions.Item label="版本">{health.version}</Descriptions.Item>
            <Descriptions.Item label="环境">{health.demo ? '演示环境' : '正式环境'}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </>
  )
}
