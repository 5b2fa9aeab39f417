import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { DownloadOutlined, PlusOutlined, ReloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Dropdown,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan } from '../../app/session'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { RegionTreeSelect } from '../regions/RegionTreeSelect'
import { downloadFile, elderKeys, elderTotalLabel, fetchElderCounts, fetchElders, type ElderFilter, type ElderQuery, type ElderSummary } from './api'
import { ElderFormModal } from './ElderFormModal'
import {
  abilityLabel,
  AGE_BAND_OPTIONS,
  ALL_CATEGORY_OPTIONS,
  categoryLabel,
  HEADLINE_CATEGORIES,
  LIVING_OPTIONS,
  livingLabel,
  sexLabel,
  STATUS_OPTIONS,
  statusLabel,
} from './labels'
import { loadViews, storeViews, useElderListQuery, type SavedView } from './useListQuery'
import { ListLoadError, listTableProps, ListSearch } from '../../shared/listTable'

const split = (v?: string) => (v ? v.split(',').filter(Boolean) : [])
const join = (v: string[]) => (v.length ? v.join(',') : undefined)

export function ElderStatusTag({ status }: { status: string }) {
  return <StatusTag tone={status === 'active' ? 'success' : status === 'deceased' ? 'neutral' : 'warning'}>{statusLabel(status)}</StatusTag>
}

const ELDER_MODE_HIDDEN = new Set(['idNumber', 'sex', 'livingArrangement'])
const NARROW_HIDDEN = new Set(['sex', 'livingArrangement'])
const ELDER_MODE_NARROW_HIDDEN = new Set([...ELDER_MODE_HIDDEN, 'regionCode'])

export function EldersPage() {
  const { elderMode } = useElderMode()
  const narrow = Grid.useBreakpoint().xl === false
  const can = useCan()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [query, patch, reset] = useElderListQuery()
  const [creating, setCreating] = useState(false)
  const [views, setViews] = useState<SavedView[]>(() => loadViews())
  const [savingView, setSavingView] = useState(false)
  const [exportFull, setExportFull] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [viewForm] = Form.useForm<{ name: string }>()
  const [exportForm] = Form.useForm<{ reason: string }>()

  const filter: ElderFilter = useMemo(() => {
    const { page: _p, pageSize: _s, sort: _o, order: _d, ...f } = query
    return f
  }, [query])
  const list = useQuery({ queryKey: elderKeys.list(query), queryFn: () => fetchElders(query), placeholderData: keepPreviousData })
  const counts = useQuery({ queryKey: elderKeys.counts(filter), queryFn: () => fetchElderCounts(filter), placeholderData: keepPreviousData })
  const filtersActive = Object.values(filter).some((v) => v !== undefined && v !== '')
  const selectedCats = split(query.categories)

  const toggleCategory = (c: string) => {
    const next = selectedCats.includes(c) ? selectedCats.filter((x) => x !== c) : [...selectedCats, c]
    patch({ categories: join(next) })
  }

  const doExport = async (full: boolean, reason?: string) => {
    setExporting(true)
    try {
      const r = await downloadFile(
        '/elders/export',
        full ? '老年人名单（完整）.xlsx' : '老年人名单.xlsx',
        { ...filter, full: full ? 'true' : undefined, reason } as Record<string, string | undefined>,
        { post: true },
      )
      message.success(Number.isFinite(r.rows) ? `已导出 ${r.rows} 人` : '已导出')
      setExportFull(false)
    } catch (err) {
      message.error(errorMessage(err))
    } finally {
      setExporting(false)
    }
  }

  const tagsShown = elderMode || narrow ? 2 : 4
  const allColumns: TableColumnsType<ElderSummary> = [
    {
      title: '姓名',
      dataIndex: 'name',
      sorter: true,
      sortOrder: query.sort === 'name' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      fixed: 'left',
      render: (name: string, e) => (
        <Link to={`/elders/${e.id}`}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', render: (v: string) => <span className="yy-mono">{v}</span> },
    { title: '性别', dataIndex: 'sex', key: 'sex', render: sexLabel },
    {
      title: '年龄',
      dataIndex: 'age',
      key: 'birthDate',
      sorter: true,
      sortOrder: query.sort === 'birthDate' ? (query.order === 'asc' ? 'descend' : 'ascend') : null,
    },
    {
      title: '所在社区（村）',
      dataIndex: 'regionName',
      key: 'regionCode',
      sorter: true,
      sortOrder: query.sort === 'regionCode' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string | null, e) => v ?? e.regionCode,
    },
    { title: '居住情况', dataIndex: 'livingArrangement', key: 'livingArrangement', render: livingLabel },
    {
      title: '类别',
      dataIndex: 'categories',
      key: 'categories',
      render: (cats: string[]) =>
        cats.length ? (
          <Space size={4} wrap style={{ maxWidth: elderMode ? (narrow ? 200 : 260) : 320 }}>
            {cats.slice(0, tagsShown).map((c) => (
              <StatusTag key={c} tone={c === 'advanced_age' ? 'info' : c.includes('incapacit') ? 'danger' : 'accent'}>
                {categoryLabel(c)}
              </StatusTag>
            ))}
            {cats.length > tagsShown ? (
              <Tooltip title={cats.slice(tagsShown).map(categoryLabel).join('、')}>
                <span tabIndex={0}>+{cats.length - tagsShown}</span>
              </Tooltip>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '能力等级', key: 'ability', render: (_v, e) => abilityLabel(e.abilityLevel, e.abilityScale) },
    { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', render: (s: string) => <ElderStatusTag status={s} /> },
  ]
  // Elder mode's large type cannot fit eleven columns: the ID number, sex and living arrangement
  // move to the detail page, so that 能力等级, 联系电话 and 状态 stay in view (issue 24 item 5).
  // Below 1200 px sex and living arrangement give way too (both are on the detail page).
  const hidden = elderMode ? (narrow ? ELDER_MODE_NARROW_HIDDEN : ELDER_MODE_HIDDEN) : narrow ? NARROW_HIDDEN : null
  const columns = hidden ? allColumns.filter((c) => !hidden.has(String(c.key))) : allColumns

  const headline = HEADLINE_CATEGORIES.map((c) => ({ c, n: counts.data?.counts[c] ?? 0 }))
  const others = Object.entries(counts.data?.counts ?? {})
    .filter(([c]) => !HEADLINE_CATEGORIES.includes(c))
    .sort((a, b) => b[1] - a[1])

  return (
    <>
      <PageHeader
        title="老年人信息库"
        description="辖区老年人档案：按类别、区域、年龄段等筛选；身份证号、电话、住址均脱敏显示，查看完整信息需填写原因并留痕。"
        extra={
          <Space wrap>
            {can('elder:import') ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/elders/import')}>
                批量导入
              </Button>
            ) : null}
            <Dropdown
              menu={{
                items: [
                  { key: 'masked', label: '导出当前名单（脱敏）' },
                  ...(can('elder:reveal') ? [{ key: 'full', label: '导出完整信息（需填写原因）' }] : []),
                ],
                onClick: ({ key }) => (key === 'full' ? setExportFull(true) : void doExport(false)),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                导出
              </Button>
            </Dropdown>
            {can('elder:write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建档案
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBlock: 12 } }} aria-label="当前筛选条件下各类别人数">
        <Space wrap size={[8, 8]} align="center">
          <Typography.Text strong>共 {counts.data?.total ?? '…'} 人</Typography.Text>
          <Typography.Text type="secondary">点击类别筛选：</Typography.Text>
          {[...headline, ...others.map(([c, n]) => ({ c, n }))]
            .filter((x) => x.n > 0 || selectedCats.includes(x.c))
            .map(({ c, n }) => (
              <Button
                key={c}
                size="small"
                type={selectedCats.includes(c) ? 'primary' : 'default'}
                aria-pressed={selectedCats.includes(c)}
                onClick={() => toggleCategory(c)}
              >
                {categoryLabel(c)}{' '}
                <Badge
                  count={n}
                  overflowCount={999999}
                  showZero
                  color={selectedCats.includes(c) ? '#fff' : '#1a5fb4'}
                  style={selectedCats.includes(c) ? { color: '#1a5fb4' } : undefined}
                />
              </Button>
            ))}
        </Space>
      </Card>
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch
            label="按姓名、拼音首字母、身份证号或手机号搜索"
            placeholder="姓名 / 拼音首字母 / 身份证号 / 手机号"
            value={query.q}
            onSearch={(q) => patch({ q })}
            width={340}
            elderWidth={460}
          />
          <div style={{ width: elderMode ? 300 : 220 }}>
            <RegionTreeSelect
              allowClear
              aria-label="按区域筛选"
              placeholder="全部区域"
              value={query.regionCode}
              onChange={(regionCode) => patch({ regionCode })}
            />
          </div>
          <Select
            mode="multiple"
            allowClear
            aria-label="按类别筛选"
            placeholder="老年人类别"
            maxTagCount="responsive"
            value={selectedCats}
            onChange={(v: string[]) => patch({ categories: join(v) })}
            options={ALL_CATEGORY_OPTIONS}
            style={{ minWidth: elderMode ? 300 : 220 }}
          />
          {selectedCats.length > 1 ? (
            <Select
              aria-label="类别匹配方式"
              value={query.categoryMatch ?? 'any'}
              onChange={(v) => patch({ categoryMatch: v === 'any' ? undefined : v })}
              options={[
                { value: 'any', label: '符合任一类别' },
                { value: 'all', label: '同时符合全部类别' },
              ]}
              style={{ width: elderMode ? 240 : 170 }}
            />
          ) : null}
          <Select
            allowClear
            aria-label="按年龄段筛选"
            placeholder="年龄段"
            value={query.ageBand}
            onChange={(ageBand) => patch({ ageBand })}
            options={AGE_BAND_OPTIONS}
            style={{ width: elderMode ? 200 : 140 }}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label="按居住情况筛选"
            placeholder="居住情况"
            value={split(query.livingArrangement)}
            onChange={(v: string[]) => patch({ livingArrangement: join(v) })}
            options={LIVING_OPTIONS}
            style={{ minWidth: elderMode ? 220 : 150 }}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label="按状态筛选"
            placeholder="状态"
            value={split(query.status)}
            onChange={(v: string[]) => patch({ status: join(v) })}
            options={STATUS_OPTIONS}
            style={{ minWidth: elderMode ? 200 : 130 }}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label="按能力等级筛选"
            placeholder="能力等级"
            value={split(query.abilityLevel)}
            onChange={(v: string[]) => patch({ abilityLevel: join(v) })}
            options={[0, 1, 2, 3, 4].map((l) => ({ value: String(l), label: `${l} 级 ${abilityLabel(l, 'gbt42195')}` }))}
            style={{ minWidth: elderMode ? 220 : 140 }}
          />
          <Dropdown
            menu={{
              items: views.length
                ? views.map((v, i) => ({
                    key: String(i),
                    label: v.name,
                    extra: (
                      <a
                        role="button"
                        aria-label={`删除视图 ${v.name}`}
                        onClick={(ev) => {
                          ev.stopPropagation()
                          const next = views.filter((_, j) => j !== i)
                          setViews(next)
                          storeViews(next)
                        }}
                      >
                        删除
                      </a>
                    ),
                  }))
                : [{ key: 'none', label: '还没有保存的视图', disabled: true }],
              onClick: ({ key }) => {
                const v = views[Number(key)]
                if (v) {
                  reset()
                  patch({ ...v.query, page: 1 })
                }
              },
            }}
          >
            <Button>常用视图{views.length ? `（${views.length}）` : ''}</Button>
          </Dropdown>
          <Button
            icon={<SaveOutlined />}
            disabled={!filtersActive}
            onClick={() => {
              viewForm.resetFields()
              setSavingView(true)
            }}
          >
            保存为视图
          </Button>
          {filtersActive ? <Button onClick={() => reset()}>清除筛选</Button> : null}
          <Button
            icon={<ReloadOutlined />}
            aria-label="刷新列表"
            onClick={() => {
              void list.refetch()
              void counts.refetch()
            }}
            loading={list.isFetching && !list.isPending}
          />
        </Space>

        <ListLoadError list={list} title="老年人列表加载失败" />

        <Table<ElderSummary>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          onChange={(pagination, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter
            const key = (s?.columnKey ?? s?.field) as string | undefined
            const sort = s?.order ? (key === 'birthDate' ? 'birthDate' : key === 'regionCode' ? 'regionCode' : key === 'name' ? 'name' : undefined) : undefined
            // Age ascending = birth date descending.
            const order = s?.order ? ((s.order === 'ascend') !== (sort === 'birthDate') ? 'asc' : 'desc') : undefined
            const sortChanged = sort !== (query.sort === 'createdAt' ? undefined : query.sort) || (sort && order !== query.order)
            patch({
              sort: sort ?? 'createdAt',
              order: sort ? order : 'desc',
              page: sortChanged || pagination.pageSize !== query.pageSize ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? 20,
            })
          }}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty description={filtersActive ? '没有符合条件的老年人，请调整筛选条件' : '暂无老年人档案，可新建或批量导入'} />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => elderTotalLabel(total, list.data?.totalIsEstimate),
          }}
        />
      </Card>

      <ElderFormModal open={creating} elder={null} onClose={() => setCreating(false)} onSaved={(e) => navigate(`/elders/${e.id}`)} />

      <Modal
        title="保存为常用视图"
        open={savingView}
        okText="保存"
        cancelText="取消"
        onCancel={() => setSavingView(false)}
        onOk={() => viewForm.submit()}
        destroyOnHidden
      >
        <Form
          form={viewForm}
          layout="vertical"
          onFinish={({ name }) => {
            const { page: _p, ...rest } = query
            const next = [...views.filter((v) => v.name !== name.trim()), { name: name.trim(), query: rest }]
            setViews(next)
            storeViews(next)
            setSavingView(false)
            message.success(`已保存视图「${name.trim()}」`)
          }}
        >
          <Form.Item
            name="name"
            label="视图名称"
            rules={[
              { required: true, whitespace: true, message: '请填写视图名称' },
              { max: 20, message: '最多20个字' },
            ]}
          >
            <Input placeholder="如：东街 高龄独居" autoFocus />
          </Form.Item>
          <Typography.Text type="secondary">视图保存在本浏览器中，包含当前的全部筛选条件和排序。</Typography.Text>
        </Form>
      </Modal>

      <Modal
        title="导出完整信息"
        open={exportFull}
        okText="导出"
        cancelText="取消"
        confirmLoading={exporting}
        onCancel={() => setExportFull(false)}
        onOk={() => exportForm.submit()}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="完整名单含身份证号、电话、住址等敏感个人信息"
          description="导出操作会记入审计日志（导出人、时间、原因、筛选条件）。请妥善保管文件，用完及时删除。"
        />
        <Form form={exportForm} layout="vertical" onFinish={({ reason }) => void doExport(true, reason.trim())}>
          <Form.Item
            name="reason"
            label="导出原因"
            rules={[
              { required: true, whitespace: true, message: '请填写导出原因' },
              { min: 2, message: '请填写具体原因' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：核对2026年高龄津贴发放名单" maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

export type { ElderQuery }
