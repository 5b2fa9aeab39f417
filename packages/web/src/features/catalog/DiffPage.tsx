import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Empty, Select, Space, Spin, Typography } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { PageHeader } from '../../shared/PageHeader'
import { catalogKeys, fetchDiff, fetchEditions, type CatalogDiff } from './api'
import { catalogEditionStatusLabels } from './labels'
import './catalog.css'

/** Two editions side by side: added (green, 新增), removed (red, 删除), changed (amber, 调整: old → new), each with its reason. */
export function DiffPage() {
  const [params, setParams] = useSearchParams()
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const editions = useQuery({ queryKey: catalogKeys.editions({ page: 1, pageSize: 100 }), queryFn: () => fetchEditions({ page: 1, pageSize: 100 }) })
  const diff = useQuery({ queryKey: catalogKeys.diff(from, to), queryFn: () => fetchDiff(from, to), enabled: !!from && !!to })
  const options = (editions.data?.items ?? [])
    .filter((e) => e.status !== 'discarded')
    .map((e) => ({ value: e.id, label: `${e.title}（${catalogEditionStatusLabels[e.status]}）` }))
  const set = (k: 'from' | 'to', v: string) => {
    const next = new URLSearchParams(params)
    next.set(k, v)
    setParams(next, { replace: true })
  }

  return (
    <>
      <PageHeader title="版本对比" description="选择两个版本，查看新增、删除和调整的项目以及每项变更的原因。" />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>旧版本</span>
          <Select
            aria-label="旧版本"
            style={{ width: 380 }}
            value={from || undefined}
            placeholder="选择旧版本"
            options={options}
            onChange={(v) => set('from', v)}
          />
          <span>新版本</span>
          <Select
            aria-label="新版本"
            style={{ width: 380 }}
            value={to || undefined}
            placeholder="选择新版本"
            options={options}
            onChange={(v) => set('to', v)}
          />
        </Space>
      </Card>
      {diff.isError ? <Alert type="error" showIcon title="对比失败" description={errorMessage(diff.error)} /> : null}
      {diff.isFetching && !diff.data ? <Spin /> : null}
      {!from || !to ? <Empty description="请选择两个版本" /> : diff.data ? <DiffView diff={diff.data} /> : null}
    </>
  )
}

function DiffView({ diff }: { diff: CatalogDiff }) {
  const none = !diff.added.length && !diff.removed.length && !diff.changed.length
  return (
    <Card>
      <Typography.Paragraph>
        从“{diff.from.title}”到“{diff.to.title}”：新增 <b>{diff.added.length}</b> 项，删除 <b>{diff.removed.length}</b> 项，调整 <b>{diff.changed.length}</b>{' '}
        项，未变 <b>{diff.unchanged}</b> 项。
      </Typography.Paragraph>
      {none ? <Empty description="两个版本的项目完全相同" /> : null}
      <ul className="yy-cat-diff" aria-label="变更明细">
        {diff.added.map((a) => (
          <li key={`a-${a.code}`} className="yy-cat-diff-added">
            <span className="yy-cat-mark">＋ 新增</span>
            <b>{a.name}</b>（{a.code}）<div className="yy-cat-summary">{a.summary}</div>
            <Reason text={a.reason} />
          </li>
        ))}
        {diff.removed.map((a) => (
          <li key={`r-${a.code}`} className="yy-cat-diff-removed">
            <span className="yy-cat-mark">－ 删除</span>
            <b>{a.name}</b>（{a.code}）<div className="yy-cat-summary">{a.summary}</div>
            <Reason text={a.reason} />
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.code}`} className="yy-cat-diff-changed">
            <span className="yy-cat-mark">～ 调整</span>
            <b>{c.name}</b>（{c.code}）
            <ul>
              {c.fields.map((f) => (
                <li key={f.field}>
                  {f.label}：<del>{f.oldText}</del> → <ins>{f.newText}</ins>
                </li>
              ))}
            </ul>
            <Reason text={c.reason} />
          </li>
        ))}
      </ul>
    </Card>
  )
}

const Reason = ({ text }: { text: string }) => <div className="yy-cat-reason">变更原因：{text || '（未记录，可能在中间版本调整）'}</div>
