import { useQuery } from '@tanstack/react-query'
import { fenToYuanString } from '@yiyang/core'
import { Alert, Empty, Pagination, Skeleton } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { errorMessage } from '../../api/client'
import { directoryKey, fetchDirectory, type DirectoryEntry } from './api'
import { PortalChips, PortalSearch } from './PortalFilters'

const kindLabels = { home_care: '居家养老服务', canteen: '老年助餐点' } as const
const kinds = ['home_care', 'canteen'] as const

/** What a search word is matched against: the name, where it is and serves, and its service items. */
const haystack = (p: DirectoryEntry) => [p.name, p.regionName ?? '', ...p.areaNames, ...p.serviceItems.map((i) => i.itemName)].join(' ')

function Stars({ n }: { n: number | null }) {
  if (!n) return <span className="yy-dir-stars none">暂未评定星级</span>
  return (
    <span className="yy-dir-stars" role="img" aria-label={`星级评定 ${n} 星`}>
      {'★'.repeat(n)}
      <span aria-hidden="true" className="off">
        {'★'.repeat(5 - n)}
      </span>
      <span className="num" aria-hidden="true">
        {n} 星
      </span>
    </span>
  )
}

/** 服务商名录 for the public: registered providers, where they serve, their items and prices; nothing personal. */
export function DirectoryPage() {
  const [q, setQ] = useState('')
  const [kind, setKind] = useState<'' | (typeof kinds)[number]>('')
  const [page, setPage] = useState(1)
  const pageSize = 10
  useEffect(() => {
    document.title = '服务商名录 · 颐养养老服务公开信息'
  }, [])
  const list = useQuery({ queryKey: directoryKey, queryFn: fetchDirectory })
  const words = q.split(/\s+/).filter(Boolean)
  const found = useMemo(
    () => (list.data ?? []).filter((p) => (!kind || p.kind === kind) && words.every((w) => haystack(p).includes(w))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [list.data, kind, q],
  )
  const shown = found.slice((page - 1) * pageSize, page * pageSize)
  const count = (k: string) => (list.data ?? []).filter((p) => !k || p.kind === k).length

  return (
    <section aria-labelledby="yy-portal-h1">
      <h1 id="yy-portal-h1" className="yy-portal-h1">
        养老服务商名录
      </h1>
      <p className="yy-portal-lead">以下服务商经民政部门审核登记，可提供居家上门服务或老年助餐。可按名称、街道社区或服务项目查找。</p>
      <div className="yy-portal-tools">
        <PortalSearch
          label="搜索服务商"
          placeholder="输入名称、街道或服务，如：东街、助浴"
          onSearch={(v) => {
            setQ(v)
            setPage(1)
          }}
        />
      </div>
      <PortalChips
        label="按服务商类别筛选"
        value={kind}
        total={count('')}
        options={kinds.map((k) => ({ value: k, label: kindLabels[k], count: count(k) }))}
        onChange={(k) => (setKind(k), setPage(1))}
      />
      {list.isError ? <Alert type="error" showIcon title="服务商名录暂时无法显示" description={errorMessage(list.error)} /> : null}
      {list.isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {list.data && !found.length ? <Empty description="没有找到符合条件的服务商，请换个词试试" /> : null}
      {q && found.length ? (
        <p className="yy-dir-count" aria-live="polite">
          找到 {found.length} 家服务商
        </p>
      ) : null}
      <ul className="yy-dir-list" aria-label="服务商">
        {shown.map((p) => (
          <li key={p.id} className="yy-portal-card yy-dir-card">
            <div className="yy-portal-card-head">
              <h2>{p.name}</h2>
              <span className="yy-portal-cat">{kindLabels[p.kind]}</span>
            </div>
            <Stars n={p.starRating} />
            <dl>
              <dt>登记地</dt>
              <dd>{p.regionName ?? '—'}</dd>
              <dt>服务范围</dt>
              <dd>{p.areaNames.length ? p.areaNames.join('、') : (p.regionName ?? '—')}</dd>
              <dt>服务项目</dt>
              <dd>
                {p.serviceItems.length ? (
                  <ul className="yy-dir-items">
                    {p.serviceItems.map((i) => (
                      <li key={i.itemName}>
                        {i.itemName}
                        <span className="price">{i.priceFen === 0 ? '免费' : `${fenToYuanString(i.priceFen)} 元`}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  '请致电 12349 咨询'
                )}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      {found.length > pageSize ? (
        <Pagination
          className="yy-portal-pager"
          current={page}
          pageSize={pageSize}
          total={found.length}
          onChange={(p) => {
            setPage(p)
            window.scrollTo({ top: 0 })
          }}
          showSizeChanger={false}
          showTotal={(n) => `共 ${n} 家`}
        />
      ) : null}
    </section>
  )
}
