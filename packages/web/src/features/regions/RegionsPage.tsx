import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Input, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { errorMessage, type RegionNode } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { REGION_LEVEL_LABELS, regionLevelLabel } from '../../shared/labels'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag, type Tone } from '../../shared/StatusTag'
import { allCodes, countByLevel, filterTree, useRegionTree } from './api'

const LEVEL_TONE: Record<string, Tone> = {
  province: 'neutral',
  prefecture: 'neutral',
  county: 'info',
  township: 'accent',
  village: 'success',
}

interface Row {
  key: string
  code: string
  name: string
  level: RegionNode['level']
  childCount: number
  isDemoCode: boolean
  children?: Row[]
}

function toRows(nodes: RegionNode[]): Row[] {
  return nodes.map((n) => {
    const kids = n.children ?? []
    return {
      key: n.code,
      code: n.code,
      name: n.name,
      level: n.level,
      childCount: kids.length,
      isDemoCode: !!n.isDemoCode,
      children: kids.length > 0 ? toRows(kids) : undefined,
    }
  })
}

export function RegionsPage() {
  const { data, isPending, isError, error, refetch, isFetching } = useRegionTree()
  const { elderMode } = useElderMode()
  const [keyword, setKeyword] = useState('')
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null)

  const filtered = useMemo(() => filterTree(data ?? [], keyword), [data, keyword])
  const rows = useMemo(() => toRows(filtered), [filtered])
  const counts = useMemo(() => countByLevel(data ?? []), [data])
  // Default: top two levels open; while searching, everything that matched is open.
  const expandedKeys = keyword.trim() ? allCodes(filtered) : (expanded ?? allCodes(data ?? [], 1))

  const columns: TableColumnsType<Row> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: '区划代码',
      dataIndex: 'code',
      width: elderMode ? 340 : 250,
      render: (code: string, row) => (
        <Space size={6} wrap>
          <Typography.Text className="yy-mono" copyable={{ text: code, tooltips: ['复制代码', '已复制'] }}>
            {code}
          </Typography.Text>
          {row.isDemoCode ? (
            <Tooltip title="演示数据使用的示例代码，并非国家统计局正式代码">
              <span tabIndex={0}>
                <StatusTag tone="warning">演示代码</StatusTag>
              </span>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: '级别',
      dataIndex: 'level',
      width: elderMode ? 170 : 130,
      render: (level: string) => <StatusTag tone={LEVEL_TONE[level] ?? 'neutral'}>{regionLevelLabel(level)}</StatusTag>,
    },
    {
      title: '下级区划',
      dataIndex: 'childCount',
      width: elderMode ? 140 : 110,
      align: 'right',
      render: (n: number) => (n > 0 ? `${n} 个` : '—'),
    },
  ]

  const summary = (Object.keys(REGION_LEVEL_LABELS) as (keyof typeof REGION_LEVEL_LABELS)[])
    .filter((l) => counts[l])
    .map((l) => `${REGION_LEVEL_LABELS[l]} ${counts[l]} 个`)
    .join('　')

  return (
    <>
      <PageHeader
        title="行政区划"
        description="您管辖范围内的行政区划，代码为 12 位统计用区划代码。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching && !isPending}>
            刷新
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Input.Search
            allowClear
            placeholder="按名称或代码查找"
            aria-label="按名称或代码查找行政区划"
            onSearch={setKeyword}
            onChange={(e) => !e.target.value && setKeyword('')}
            style={{ width: elderMode ? 420 : 300, maxWidth: '100%' }}
          />
          <Space wrap>
            {summary ? <Typography.Text type="secondary">{summary}</Typography.Text> : null}
            <Button onClick={() => setExpanded(allCodes(data ?? []))} disabled={!data || !!keyword}>
              全部展开
            </Button>
            <Button onClick={() => setExpanded([])} disabled={!data || !!keyword}>
              全部收起
            </Button>
          </Space>
        </Space>
        {isError ? (
          <Alert
            type="error"
            showIcon
            title="行政区划加载失败"
            description={errorMessage(error)}
            action={<Button onClick={() => void refetch()}>重试</Button>}
          />
        ) : (
          <Table<Row>
            rowKey="key"
            columns={columns}
            dataSource={rows}
            loading={isPending}
            pagination={false}
            size={elderMode ? 'large' : 'middle'}
            expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys) }}
            locale={{
              emptyText: <Empty description={keyword ? `没有找到与「${keyword}」匹配的行政区划` : '您的管辖范围内暂无行政区划数据'} />,
            }}
            scroll={{ x: 640 }}
          />
        )}
      </Card>
    </>
  )
}
