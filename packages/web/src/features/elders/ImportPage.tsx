import { importModeLabels } from '@yiyang/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Progress, Radio, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { PageHeader } from '../../shared/PageHeader'
import {
  confirmImportRows,
  downloadFile,
  elderKeys,
  fetchImportErrors,
  fetchImportJob,
  startImport,
  type ImportChange,
  type ImportConflict,
  type ImportError,
  type ImportMode,
  type ImportWarning,
} from './api'

const PHASES: Record<string, string> = {
  queued: '排队中',
  reading: '正在读取并校验每一行',
  checking: '正在核对已登记的档案',
  writing: '正在写入',
  done: '已完成',
}
const MAX_MB = 25

/** 批量导入: template → upload → progress → result with the error report. */
export function ImportPage() {
  const { elderMode } = useElderMode()
  const { message } = App.useApp()
  const [mode, setMode] = useState<ImportMode>('all_or_nothing')
  const [file, setFile] = useState<File | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [confirmRows, setConfirmRows] = useState<number[]>([])

  const start = useMutation({
    mutationFn: () => startImport(file!, mode),
    onSuccess: (r) => setJobId(r.id),
    onError: (err) => message.error(errorMessage(err)),
  })
  const job = useQuery({
    queryKey: elderKeys.importJob(jobId ?? ''),
    queryFn: () => fetchImportJob(jobId!),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 700),
  })
  const j = job.data
  const finished = j?.status === 'succeeded' || j?.status === 'failed'
  const errors = useQuery({ queryKey: [...elderKeys.importJob(jobId ?? ''), 'errors'], queryFn: () => fetchImportErrors(jobId!), enabled: !!j?.hasErrorReport })
  const step = !jobId ? (file ? 1 : 0) : finished ? 3 : 2

  // Confirming conflict rows runs the same file again as a new job; the page follows that job.
  const confirm = useMutation({
    mutationFn: () => confirmImportRows(jobId!, confirmRows),
    onSuccess: (r) => {
      setConfirmRows([])
      setJobId(r.id)
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const titleStyle = { fontSize: elderMode ? 24 : 18 }

  const download = (path: string, name: string) => downloadFile(path, name).catch((err) => message.error(errorMessage(err)))
  const restart = () => {
    setJobId(null)
    setFile(null)
    setConfirmRows([])
    start.reset()
  }

  return (
    <>
      <PageHeader
        title="批量导入老年人信息"
        description="用 Excel 模板一次导入最多 100,000 人；按身份证号匹配，已登记的人会被更新，不会重复建档。"
        extra={
          <Link to="/elders">
            <Button icon={<ArrowLeftOutlined />}>返回名单</Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          direction={elderMode ? 'vertical' : 'horizontal'}
          items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '导入中' }, { title: '导入结果' }]}
        />
      </Card>

      {!jobId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card title="第一步：下载并填写模板" style={{ height: '100%' }}>
              <Typography.Paragraph>
                模板中“所在社区（村）”“户籍”“居住情况”等列带下拉选项，“填写说明”页列出了每一列的要求和可填的老年人类别。
              </Typography.Paragraph>
              <ul style={{ paddingInlineStart: 20, lineHeight: 1.9 }}>
                <li>姓名、身份证号、所在社区（村）必填</li>
                <li>身份证号请设为“文本”格式，避免被 Excel 改成科学计数法</li>
                <li>不要合并单元格，不要使用公式</li>
                <li>高龄、失能、独居等由系统自动计算，无需填写</li>
              </ul>
              <Button type="primary" icon={<DownloadOutlined />} onClick={() => void download('/elders/import-template', '老年人信息导入模板.xlsx')}>
                下载导入模板
              </Button>
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card title="第二步：选择导入方式并上传">
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} style={{ marginBottom: 16 }} aria-label="导入方式">
                <Space direction="vertical">
                  <Radio value="all_or_nothing">
                    <b>{importModeLabels.all_or_nothing}</b>（推荐）：任何一行有错误，整个文件都不导入
                  </Radio>
                  <Radio value="valid_only">
                    <b>{importModeLabels.valid_only}</b>：有错误的行跳过，其余照常导入
                  </Radio>
                </Space>
              </Radio.Group>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  if (f.size > MAX_MB * 1024 * 1024) {
                    message.error(`文件超过 ${MAX_MB} MB，请拆分后分批导入`)
                    return Upload.LIST_IGNORE
                  }
                  if (!/\.xlsx$/i.test(f.name)) {
                    message.error('请选择 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）')
                    return Upload.LIST_IGNORE
                  }
                  setFile(f)
                  return false
                }}
                aria-label="选择要导入的 Excel 文件"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">点击选择或把 .xlsx 文件拖到这里</p>
                <p className="ant-upload-hint">单个文件不超过 {MAX_MB} MB、100,000 行</p>
              </Upload.Dragger>
              {file ? (
                <Alert
                  style={{ marginTop: 16 }}
                  type="info"
                  showIcon
                  icon={<FileExcelOutlined />}
                  title={`已选择：${file.name}（${(file.size / 1024).toFixed(0)} KB）`}
                  action={
                    <Space>
                      <Button onClick={() => setFile(null)}>重新选择</Button>
                      <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
                        开始导入
                      </Button>
                    </Space>
                  }
                />
              ) : null}
            </Card>
          </Col>
        </Row>
      ) : null}

      {jobId && !finished ? (
        <Card title="导入中">
          {job.isError ? (
            <Alert
              type="error"
              showIcon
              title="无法获取导入进度"
              description={errorMessage(job.error)}
              action={<Button onClick={() => void job.refetch()}>重试</Button>}
            />
          ) : null}
          <Progress
            percent={j?.progress?.percent ?? 0}
            status="active"
            aria-label="导入进度"
            size={elderMode ? [undefined as unknown as number, 20] : undefined}
          />
          <Typography.Paragraph style={{ marginTop: 12 }} role="status" aria-live="polite">
            {PHASES[j?.progress?.phase ?? 'queued']}
            {j?.progress?.rowsRead ? `，已读取 ${j.progress.rowsRead.toLocaleString()} 行` : ''}…
          </Typography.Paragraph>
          <Typography.Text type="secondary">可以离开本页，导入在后台继续。</Typography.Text>
        </Card>
      ) : null}

      {j && finished ? (
        <Card>
          {j.status === 'failed' ? (
            <Result
              status="error"
              title="文件未能导入"
              subTitle={j.error ?? '导入失败'}
              extra={
                <Button type="primary" onClick={restart}>
                  重新上传
                </Button>
              }
            />
          ) : (
            <Result
              status={j.result?.committed ? (j.result.errorRows ? 'warning' : 'success') : 'error'}
              title={
                j.result?.committed
                  ? j.result.errorRows || j.result.conflictCount
                    ? '部分导入完成'
                    : '导入完成'
                  : j.result?.errorRows
                    ? '存在错误，未导入任何数据'
                    : '有待确认的行，未导入任何数据'
              }
              subTitle={j.result?.message}
              extra={
                <Space wrap>
                  {j.hasErrorReport ? (
                    <Button
                      type="primary"
                      danger
                      icon={<DownloadOutlined />}
                      onClick={() => void download(`/elders/imports/${j.id}/errors`, '导入错误报告.xlsx')}
                    >
                      下载错误报告
                    </Button>
                  ) : null}
                  <Button onClick={restart}>继续导入</Button>
                  <Link to="/elders">
                    <Button>查看名单</Button>
                  </Link>
                </Space>
              }
            >
              <Row gutter={16} style={{ textAlign: 'center' }}>
                <Col xs={12} md={4}>
                  <Statistic title="数据行" value={j.result?.rows ?? 0} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title="新增" value={j.result?.created ?? 0} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title="更新" value={j.result?.updated ?? 0} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title="无变化" value={j.result?.unchanged ?? 0} />
                </Col>
                <Col xs={24} md={5}>
                  <Statistic title="有错误的行" value={j.result?.errorRows ?? 0} valueStyle={j.result?.errorRows ? { color: '#a61d24' } : undefined} />
                </Col>
              </Row>
            </Result>
          )}
          {j.confirmsJobId && j.status === 'succeeded' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="这是确认冲突行后对同一文件的重新导入"
              description="只有您确认的行允许修改姓名；此前已导入的行记为“无变化”，有错误的行仍然列在下方。"
            />
          ) : null}
          {j.result?.unknownColumns.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`文件中有 ${j.result.unknownColumns.length} 列不是导入列，未导入：${j.result.unknownColumns.join('、')}`}
              description="如果其中有需要导入的内容，请把列名改成模板中的列名（见模板“填写说明”页）后重新导入。"
            />
          ) : null}
          {j.result?.conflicts.length ? (
            <>
              <Typography.Title level={2} style={titleStyle}>
                待确认：身份证号相同但姓名不同（{j.result.conflictCount} 行）
              </Typography.Title>
              <Typography.Paragraph>
                这些行的身份证号已登记为另一个姓名，通常是身份证号录错。<b>请逐行核对</b>
                ：确属同一人（如改名）的，勾选后点“确认导入所选行”；录错的，请改正文件后重新导入。
              </Typography.Paragraph>
              <Table<ImportConflict>
                aria-label="待确认的行"
                rowKey="row"
                dataSource={j.result.conflicts}
                size={elderMode ? 'large' : 'small'}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowSelection={{ selectedRowKeys: confirmRows, onChange: (keys) => setConfirmRows(keys as number[]) }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '身份证号', dataIndex: 'idNumber', width: 200, render: (v: string) => <span className="yy-mono">{v}</span> },
                  { title: '已登记', key: 'existing', render: (_v, c) => c.fields.map((f) => `${f.label}：${f.existing}`).join('；') },
                  { title: '文件中', key: 'imported', render: (_v, c) => c.fields.map((f) => `${f.label}：${f.imported}`).join('；') },
                ]}
              />
              <Button
                type="primary"
                style={{ margin: '8px 0 24px' }}
                disabled={!confirmRows.length}
                loading={confirm.isPending}
                onClick={() => confirm.mutate()}
              >
                确认导入所选行{confirmRows.length ? `（${confirmRows.length} 行）` : ''}
              </Button>
            </>
          ) : null}
          {j.result?.changes.length ? (
            <>
              <Typography.Title level={2} style={titleStyle}>
                已更新的老人（{j.result.updated} 人{j.result.updated > j.result.changes.length ? `，此处列出前 ${j.result.changes.length} 人` : ''}）
              </Typography.Title>
              <Table<ImportChange>
                aria-label="已更新的老人"
                rowKey="elderId"
                dataSource={j.result.changes}
                size={elderMode ? 'large' : 'small'}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '姓名', dataIndex: 'name', width: 120, render: (v: string, c) => <Link to={`/elders/${c.elderId}`}>{v}</Link> },
                  {
                    title: '修改内容（原 → 新）',
                    key: 'changes',
                    render: (_v, c) => (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {c.changes.map((x) => (
                          <li key={x.field}>
                            {x.label}：{x.before} → {x.after}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </>
          ) : null}
          {j.result?.warnings.length ? (
            <>
              <Typography.Title level={2} style={titleStyle}>
                提示（{j.result.warningCount} 条，已导入，请核对）
              </Typography.Title>
              <Table<ImportWarning>
                aria-label="导入提示"
                rowKey={(w) => `${w.row}-${w.column}-${w.message}`}
                dataSource={j.result.warnings}
                size={elderMode ? 'large' : 'small'}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '姓名', dataIndex: 'name', width: 120 },
                  { title: '列', dataIndex: 'column', width: 150 },
                  { title: '提示', dataIndex: 'message' },
                ]}
              />
            </>
          ) : null}
          {j.hasErrorReport ? (
            <>
              <Typography.Title level={2} style={titleStyle}>
                错误明细
                {errors.data && errors.data.total > errors.data.items.length
                  ? `（前 ${errors.data.items.length} 条，共 ${errors.data.total} 条，完整内容请下载错误报告）`
                  : ''}
              </Typography.Title>
              {errors.isError ? <Alert type="error" showIcon title="错误明细加载失败" description={errorMessage(errors.error)} /> : null}
              <Table<ImportError>
                aria-label="导入错误明细"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                loading={errors.isPending}
                dataSource={errors.data?.items ?? []}
                size={elderMode ? 'large' : 'small'}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '姓名', dataIndex: 'name', width: 120 },
                  { title: '列', dataIndex: 'column', width: 150 },
                  { title: '填写的内容', dataIndex: 'value', width: 220, render: (v: string) => <span className="yy-mono">{v || '（空）'}</span> },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </>
          ) : null}
        </Card>
      ) : null}
    </>
  )
}
