import { SERVICE_CIRCLE_UNCOVERED_BELOW, serviceSiteKindLabels } from '@yiyang/core'
import { DownloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { App, Button, Card, Col, Row, Select, Space, Statistic, Switch, Table, TreeSelect, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { errorMessage, type RegionNode } from '../../api/client'
import { MapView, type MapCircle, type MapPoint } from '../../shared/MapView'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { useRegionTree } from '../regions/api'
import { dispatchKeys, downloadServiceCircle, fetchMapContext, fetchServiceCircle, type ServiceCircle } from './api'
import './dispatch.css'

type Community = ServiceCircle['communities'][number]
const coverageColor = (pct: number) => (pct >= 80 ? '#1d6b33' : pct >= SERVICE_CIRCLE_UNCOVERED_BELOW * 100 ? '#8a4300' : '#a61d24')
type TreeNode = { value: string; title: string; children: TreeNode[] }
const toTree = (nodes: RegionNode[]): TreeNode[] =>
  nodes.filter((n) => n.level !== 'village').map((n) => ({ value: n.code, title: n.name, children: toTree(n.children ?? []) }))

/**
 * 15分钟养老服务圈 (issue 20 item 5): per community, the share of elders within 15 minutes of a
 * service site on foot and by e-bike; a map layer (sites with their reach, communities coloured
 * by coverage) and the list of uncovered communities, exportable.
 */
export function ServiceCirclePage() {
  const { message } = App.useApp()
  const [regionCode, setRegionCode] = useState<string | undefined>()
  const [minutes, setMinutes] = useState(15)
  const [onlyUncovered, setOnlyUncovered] = useState(false)
  const [exporting, setExporting] = useState(false)
  const tree = useRegionTree()
  const mapContext = useQuery({ queryKey: dispatchKeys.map, queryFn: fetchMapContext, staleTime: 10 * 60_000 })
  const q = { regionCode, minutes }
  const circle = useQuery({ queryKey: dispatchKeys.circle(q), queryFn: () => fetchServiceCircle(q) })
  const c = circle.data
  const rows = useMemo(() => (c?.communities ?? []).filter((x) => !onlyUncovered || x.uncovered), [c, onlyUncovered])

  const { points, circles } = useMemo(() => {
    const points: MapPoint[] = []
    const circles: MapCircle[] = []
    if (!c) return { points, circles }
    for (const s of c.sites) {
      circles.push({ lat: s.lat, lng: s.lng, radiusMetres: c.reach.ebike, color: '#6b3fa0', label: `${s.name}：电动自行车${c.minutes}分钟范围` })
      circles.push({ lat: s.lat, lng: s.lng, radiusMetres: c.reach.walk, color: '#1a5fb4', label: `${s.name}：步行${c.minutes}分钟范围` })
      points.push({ lat: s.lat, lng: s.lng, color: '#1a5fb4', radius: 7, label: `${s.name}（${serviceSiteKindLabels[s.kind]}）` })
    }
    for (const x of c.communities) {
      if (!x.centre) continue
      points.push({
        ...x.centre,
        color: coverageColor(x.walkPct),
        radius: 5,
        filled: false,
        label: `${x.name}：步行覆盖 ${x.walkPct}%，电动自行车 ${x.ebikePct}%`,
      })
    }
    return { points, circles }
  }, [c])

  async function exportIt() {
    setExporting(true)
    try {
      await downloadServiceCircle(q)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  const columns: TableColumnsType<Community> = [
    { title: '街道（乡镇）', dataIndex: 'streetName', render: (v: string | null) => v ?? '—' },
    { title: '社区（村）', dataIndex: 'name' },
    { title: '老年人', dataIndex: 'elders', align: 'right' },
    { title: '已标注位置', dataIndex: 'located', align: 'right', responsive: ['lg'] },
    {
      title: `步行${minutes}分钟`,
      dataIndex: 'walkPct',
      align: 'right',
      sorter: (a, b) => a.walkPct - b.walkPct,
      render: (v: number, r) => (
        <span style={{ color: coverageColor(v) }}>
          {v}%（{r.walk}人）
        </span>
      ),
    },
    {
      title: `电动自行车${minutes}分钟`,
      dataIndex: 'ebikePct',
      align: 'right',
      sorter: (a, b) => a.ebikePct - b.ebikePct,
      render: (v: number, r) => `${v}%（${r.ebike}人）`,
    },
    {
      title: '状态',
      dataIndex: 'uncovered',
      render: (v: boolean) => (v ? <StatusTag tone="danger">未覆盖</StatusTag> : <StatusTag tone="success">已覆盖</StatusTag>),
    },
  ]

  return (
    <div>
      <PageHeader
        title={`${minutes}分钟养老服务圈`}
        description="按老人住址坐标与服务站点（居家养老服务站、助餐点）的步行、电动自行车路程计算覆盖情况，找出未覆盖的社区。"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportIt()}>
            导出 Excel
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <TreeSelect
            aria-label="区域"
            style={{ width: 220 }}
            allowClear
            placeholder="全部辖区"
            treeDefaultExpandAll
            value={regionCode}
            onChange={(v) => setRegionCode(v ?? undefined)}
            treeData={toTree(tree.data ?? [])}
          />
          <Select
            aria-label="时间范围"
            style={{ width: 120 }}
            value={minutes}
            onChange={setMinutes}
            options={[10, 15, 20, 30].map((m) => ({ value: m, label: `${m}分钟` }))}
          />
          <Switch checked={onlyUncovered} onChange={setOnlyUncovered} aria-label="只看未覆盖社区" />
          <span>只看未覆盖社区</span>
        </Space>
      </Card>
      {c ? (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="老年人" value={c.totals.elders} suffix="人" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="步行可达" value={c.totals.walkPct} suffix="%" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="电动自行车可达" value={c.totals.ebikePct} suffix="%" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="未覆盖社区" value={c.communities.filter((x) => x.uncovered).length} suffix="个" />
            </Card>
          </Col>
        </Row>
      ) : null}
      <div className="yy-dispatch-grid">
        <Card size="small" title="覆盖地图">
          <MapView context={mapContext.data} points={points} circles={circles} height={440} label="服务站点与社区覆盖地图" fitKey={`${regionCode ?? 'all'}`} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            蓝圈：步行{minutes}分钟（约 {c?.reach.walk ?? '—'} 米直线）；紫圈：电动自行车（约 {c?.reach.ebike ?? '—'} 米）。社区圆点颜色按步行覆盖率：绿
            ≥80%，橙 ≥50%，红 &lt;50%。覆盖率按已标注位置的老人计算。
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={onlyUncovered ? '未覆盖社区' : '各社区覆盖情况'}>
          <Table
            size="small"
            rowKey="code"
            loading={circle.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 12, showSizeChanger: false }}
          />
        </Card>
      </div>
    </div>
  )
}
