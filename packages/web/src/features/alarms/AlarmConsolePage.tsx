import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { DownloadOutlined, SoundOutlined, UploadOutlined, WifiOutlined } from '@ant-design/icons'
import { alarmStatuses, alarmTypeLabels, elapsedLabel, escalationLevelLabels } from '@yiyang/core'
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatDateTime } from '../../shared/format'
import { listPagination } from '../../shared/listTable'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { AlarmDetailPanel } from './AlarmDetailPanel'
import {
  alarmKeys,
  downloadAlarmStats,
  downloadDeviceTemplate,
  importDevices,
  type DeviceImportResult,
  fetchAlarms,
  fetchDevices,
  fetchStats,
  type AlarmItem,
  type AlarmQuery,
  type AlarmStreamMessage,
  type StatsQuery,
} from './api'
import { errorMessage, type RegionNode } from '../../api/client'
import { fetchRegionTree, regionKeys } from '../regions/api'
import { categoryLabel as hotlineCategoryLabel } from '../hotline/labels'

function findRegionName(tree: RegionNode[] | undefined, code: string): string | null {
  for (const n of tree ?? []) {
    if (n.code === code) return n.name
    const inner = findRegionName(n.children, code)
    if (inner) return inner
  }
  return null
}
import { alarmStatusLabel, alarmTypeLabel, deviceKindLabel, outcomeLabel, rejectionLabel, statusTone, typeTone } from './labels'
import { playAlarmTone, useAlarmStream, type StreamMessage } from './useAlarmStream'
import { CallerPopup } from '../hotline/CallerPopup'
import { hotlineKeys, type HotlineStreamMessage } from '../hotline/api'

/** Re-renders every second, for the waiting times of the queue. */
function useNow() {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(t)
  }, [])
  return now
}

function Queue({ selected, onSelect, flash }: { selected: string | null; onSelect: (id: string) => void; flash: Set<string> }) {
  const now = useNow()
  const q: AlarmQuery = { queue: 'true', page: 1, pageSize: 200 }
  const list = useQuery({ queryKey: alarmKeys.list(q), queryFn: () => fetchAlarms(q), refetchInterval: 30_000 })
  const items = list.data?.items ?? []
  const columns: TableColumnsType<AlarmItem> = [
    {
      title: '报警',
      key: 'type',
      render: (_v, a) => (
        <Space direction="vertical" size={0}>
          <StatusTag tone={typeTone(a.type)}>{alarmTypeLabel(a.type)}</StatusTag>
          {a.escalationLevel > 0 ? (
            <Tooltip title={escalationLevelLabels[a.escalationLevel]}>
              <Typography.Text type="danger">已升级</Typography.Text>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: '老人 / 社区',
      key: 'elder',
      render: (_v, a) => (
        <div>
          <Typography.Text strong>{a.elderName ?? '—'}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{a.regionName ?? a.regionCode}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '已等待',
      key: 'elapsed',
      render: (_v, a) => (
        <Typography.Text strong={a.status === 'raised'} type={a.status === 'raised' ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {elapsedLabel(a.receivedAt, now)}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_v, a) => (
        <Space direction="vertical" size={0}>
          <StatusTag tone={statusTone[a.status] ?? 'neutral'}>{alarmStatusLabel(a.status)}</StatusTag>
          {a.claimedByName ? <Typography.Text type="secondary">{a.claimedByName}</Typography.Text> : null}
        </Space>
      ),
    },
  ]
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={list.isLoading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)' }}
      locale={{ emptyText: <Empty description="当前没有待处理的报警" /> }}
      rowClassName={(a) => [a.id === selected ? 'yy-alarm-selected' : '', flash.has(a.id) ? 'yy-alarm-flash' : ''].join(' ')}
      onRow={(a) => ({ onClick: () => onSelect(a.id), style: { cursor: 'pointer' } })}
      title={() => (
        <Typography.Text>
          待处理 <Typography.Text strong>{items.length}</Typography.Text> 起，其中待认领{' '}
          <Typography.Text strong type="danger">
            {items.filter((a) => a.status === 'raised').length}
          </Typography.Text>{' '}
          起
        </Typography.Text>
      )}
    />
  )
}

function History({ onSelect }: { onSelect: (id: string) => void }) {
  const [filters, setFilters] = useState<{ deviceSerial?: string; status?: string; type?: string; from?: string; to?: string }>({})
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const q: AlarmQuery = { ...filters, ...page }
  const list = useQuery({ queryKey: alarmKeys.list(q), queryFn: () => fetchAlarms(q), placeholderData: keepPreviousData })
  const columns: TableColumnsType<AlarmItem> = [
    { title: '收到时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v, true) },
    { title: '类型', dataIndex: 'type', render: (t: string) => <StatusTag tone={typeTone(t)}>{alarmTypeLabel(t)}</StatusTag> },
    { title: '老人', dataIndex: 'elderName', render: (v: string | null) => v ?? '—' },
    { title: '社区', key: 'region', render: (_v, a) => a.regionName ?? a.regionCode },
    { title: '设备编号', dataIndex: 'deviceSerial' },
    { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag tone={statusTone[s] ?? 'neutral'}>{alarmStatusLabel(s)}</StatusTag> },
    { title: '处置结果', dataIndex: 'outcome', render: (o: string | null) => outcomeLabel(o) },
    { title: '认领坐席', dataIndex: 'claimedByName', render: (v: string | null) => v ?? '—' },
  ]
  const set = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setPage((p) => ({ ...p, page: 1 }))
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="设备编号"
          placeholder="设备编号"
          allowClear
          onSearch={(v) => set({ deviceSerial: v.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          options={alarmStatuses.map((s) => ({ value: s, label: alarmStatusLabel(s) }))}
          onChange={(v?: string) => set({ status: v })}
        />
        <Select
          aria-label="报警类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 160 }}
          options={Object.entries(alarmTypeLabels)
            .filter(([k]) => k !== 'heartbeat')
            .map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => set({ type: v })}
        />
        <DatePicker.RangePicker
          aria-label="收到时间范围"
          placeholder={['开始日期', '结束日期']}
          onChange={(r) => set({ from: r?.[0]?.startOf('day').toISOString(), to: r?.[1]?.endOf('day').toISOString() })}
        />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 960 }}
        onRow={(a) => ({ onClick: () => onSelect(a.id), style: { cursor: 'pointer' } })}
        pagination={listPagination(page, list.data?.total, setPage)}
      />
    </>
  )
}

function Stats() {
  const { message } = App.useApp()
  const [range, setRange] = useState<StatsQuery>({})
  const s = useQuery({ queryKey: alarmKeys.stats(range), queryFn: () => fetchStats(range) })
  const streets = useQuery({ queryKey: regionKeys.tree, queryFn: fetchRegionTree })
  const streetName = (code: string) => findRegionName(streets.data, code) ?? '其他'
  const [exporting, setExporting] = useState(false)
  const d = s.data
  const sec = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v < 120 ? `${Math.round(v)} 秒` : `${(v / 60).toFixed(1)} 分钟`)
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)
  const exportXlsx = async () => {
    setExporting(true)
    try {
      await downloadAlarmStats(range)
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label="统计时间范围"
          placeholder={['开始日期', '结束日期']}
          onChange={(r) => setRange({ from: r?.[0]?.startOf('day').toISOString(), to: r?.[1]?.endOf('day').toISOString() })}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="报警总数" value={d?.total ?? 0} loading={s.isLoading} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="认领用时（中位数 / P90）" value={`${sec(d?.claimSeconds.median)} / ${sec(d?.claimSeconds.p90)}`} loading={s.isLoading} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="关闭用时（中位数 / P90）" value={`${sec(d?.closeSeconds.median)} / ${sec(d?.closeSeconds.p90)}`} loading={s.isLoading} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="误报率" value={pct(d?.falseAlarmRate)} loading={s.isLoading} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="报警按类型">
            {(d?.byType ?? []).map((r) => (
              <div key={r.key}>
                {alarmTypeLabel(r.key)}：{r.count} 起
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="报警按街道">
            {(d?.byStreet ?? []).map((r) => (
              <div key={r.key}>
                {streetName(r.key)}：{r.count} 起
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="设备">
            <div>在册设备：{d?.devices.total ?? 0} 台</div>
            <div>
              离线设备：<Typography.Text type={d?.devices.offline ? 'danger' : undefined}>{d?.devices.offline ?? 0}</Typography.Text> 台
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={`热线来电（共 ${d?.calls.total ?? 0} 件）`}>
            {(d?.calls.byCategory ?? []).map((r) => (
              <div key={r.key}>
                {r.key === 'none' ? '未受理' : hotlineCategoryLabel(r.key)}：{r.count} 件
              </div>
            ))}
            <div>回访满意率：{pct(d?.calls.satisfiedRate)}</div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="来电按街道">
            {(d?.calls.byStreet ?? []).map((r) => (
              <div key={r.key}>
                {r.key.endsWith('000000') ? '区热线中心' : streetName(r.key)}：{r.count} 件
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="拒收的设备消息">
            {d?.rejections.length
              ? d.rejections.map((r) => (
                  <div key={r.key}>
                    {rejectionLabel(r.key)}：{r.count} 条
                  </div>
                ))
              : '无（或不在您的查看范围）'}
          </Card>
        </Col>
      </Row>
    </>
  )
}

/** 导入 on the devices tab: template download, one xlsx upload, all or nothing; row errors listed by row number. */
function DeviceImport() {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<DeviceImportResult | null>(null)
  const upload = async (file: File) => {
    setBusy(true)
    setResult(null)
    try {
      const r = await importDevices(file)
      setResult(r)
      if (r.imported) {
        message.success(`已导入 ${r.imported} 台设备`)
        await queryClient.invalidateQueries({ queryKey: alarmKeys.all })
      }
    } catch (err) {
      message.error(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        导入
      </Button>
      <Modal title="导入设备" open={open} onCancel={() => setOpen(false)} footer={null} width={720} destroyOnHidden>
        <Typography.Paragraph>
          请先下载模板，按“设备序列号、设备类型、型号、SIM卡号、绑定老人身份证号、绑定日期”填写后上传。全部行无误才导入；有错误时不导入任何设备，并按行号列出错误。
        </Typography.Paragraph>
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<DownloadOutlined />} onClick={() => downloadDeviceTemplate().catch((e: unknown) => message.error(errorMessage(e)))}>
            下载模板
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              选择文件并导入
            </Button>
          </Upload>
        </Space>
        {result && result.errors.length === 0 && <Alert type="success" showIcon title={`已导入 ${result.imported} 台设备`} />}
        {result && result.errors.length > 0 && (
          <>
            <Alert type="error" showIcon title={`文件中有 ${result.errors.length} 处错误，未导入任何设备。请修改后重新上传。`} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              dataSource={result.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 150 },
                { title: '错误', dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  )
}

function Devices() {
  const [page, setPage] = useState({ page: 1, pageSize: 20 })
  const [search, setSearch] = useState<{ q?: string; offline?: 'true' }>({})
  const q = { ...search, ...page }
  const list = useQuery({ queryKey: alarmKeys.devices(q), queryFn: () => fetchDevices(q), placeholderData: keepPreviousData })
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索设备编号"
          placeholder="设备编号"
          allowClear
          onSearch={(v) => setSearch((s) => ({ ...s, q: v.trim() || undefined }))}
          style={{ width: 200 }}
        />
        <Select
          aria-label="在线状态"
          style={{ width: 140 }}
          value={search.offline ?? 'all'}
          options={[
            { value: 'all', label: '全部设备' },
            { value: 'true', label: '只看离线' },
          ]}
          onChange={(v) => setSearch((s) => ({ ...s, offline: v === 'true' ? 'true' : undefined }))}
        />
        <DeviceImport />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: '设备编号', dataIndex: 'serial' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => deviceKindLabel(k) },
          { title: '型号', dataIndex: 'model' },
          { title: '绑定老人', dataIndex: 'elderName', render: (v: string | null) => v ?? '—' },
          { title: '电量', dataIndex: 'battery', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
          { title: '最近心跳', dataIndex: 'lastHeartbeatAt', render: (v: string | null) => (v ? formatDateTime(v) : '从未上报') },
          {
            title: '在线',
            dataIndex: 'offline',
            render: (v: boolean) => (v ? <StatusTag tone="warning">离线</StatusTag> : <StatusTag tone="success">在线</StatusTag>),
          },
          { title: '心跳中断报警', dataIndex: 'offlineSince', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        ]}
        pagination={listPagination(page, list.data?.total, setPage)}
      />
    </>
  )
}

/** 12349 报警中心: the live queue (oldest unhandled first), the selected alarm's card and actions, history, statistics, devices. */
export function AlarmConsolePage() {
  const queryClient = useQueryClient()
  const [selected, setSelected] = useState<string | null>(null)
  const [tab, setTab] = useState('queue')
  const [latest, setLatest] = useState<AlarmStreamMessage | null>(null)
  const [flash, setFlash] = useState<Set<string>>(new Set())
  const [soundOn, setSoundOn] = useState(false)
  const audio = useRef<AudioContext | null>(null)
  const [ringing, setRinging] = useState<HotlineStreamMessage['call'] | null>(null)
  const onMessage = useCallback(
    (m: StreamMessage) => {
      if (m.type === 'hotline.call') {
        void queryClient.invalidateQueries({ queryKey: hotlineKeys.all })
        if (m.call.status === 'ringing') {
          setRinging(m.call)
          playAlarmTone(audio.current)
        }
        return
      }
      void queryClient.invalidateQueries({ queryKey: alarmKeys.all })
      if (m.type !== 'alarm.created') return
      setLatest(m)
      setFlash((f) => new Set(f).add(m.alarm.id))
      setTimeout(
        () =>
          setFlash((f) => {
            const n = new Set(f)
            n.delete(m.alarm.id)
            return n
          }),
        6000,
      )
      playAlarmTone(audio.current)
    },
    [queryClient],
  )
  const connected = useAlarmStream(onMessage, () => void queryClient.invalidateQueries({ queryKey: alarmKeys.all }))
  const enableSound = () => {
    audio.current ??= new AudioContext()
    void audio.current.resume()
    setSoundOn(true)
    playAlarmTone(audio.current)
  }
  const select = (id: string) => {
    setSelected(id)
    setLatest(null)
  }
  return (
    <>
      <PageHeader
        title="12349 报警中心"
        description="设备报警与紧急呼叫实时进入队列：先认领，再回拨、派单，处置完毕后填写结果关闭。超时未认领自动升级。"
        extra={
          <Space wrap>
            <Badge status={connected ? 'success' : 'error'} text={connected ? '实时连接正常' : '实时连接中断，正在重连'} />
            <Button icon={soundOn ? <SoundOutlined /> : <WifiOutlined />} onClick={enableSound} aria-pressed={soundOn}>
              {soundOn ? '提示音已开启' : '开启提示音'}
            </Button>
          </Space>
        }
      />
      {latest ? (
        <Alert
          className="yy-alarm-banner"
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={`新报警：${alarmTypeLabel(latest.alarm.type)}（设备 ${latest.alarm.deviceSerial}）`}
          action={
            <Button size="small" danger onClick={() => select(latest.alarm.id)}>
              立即查看
            </Button>
          }
          closable={{ 'aria-label': '关闭提示' }}
          onClose={() => setLatest(null)}
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'queue',
            label: '待处理队列',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={10}>
                  <Queue selected={selected} onSelect={select} flash={flash} />
                </Col>
                <Col xs={24} lg={14}>
                  {selected ? <AlarmDetailPanel id={selected} /> : <Empty style={{ marginTop: 48 }} description="在左侧选择一条报警查看老人信息并处置" />}
                </Col>
              </Row>
            ),
          },
          {
            key: 'history',
            label: '报警记录',
            children: (
              <History
                onSelect={(id) => {
                  select(id)
                  setTab('queue')
                }}
              />
            ),
          },
          { key: 'stats', label: '统计', children: <Stats /> },
          { key: 'devices', label: '设备', children: <Devices /> },
        ]}
      />
      <CallerPopup call={ringing} onClose={() => setRinging(null)} />
    </>
  )
}
