import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { fenToYuanString, serviceCategories, serviceCategoryLabels, servicePayerLabels, serviceUnitLabels } from '@yiyang/core'
import { Alert, Empty, Pagination, Select, Skeleton } from 'antd'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../api/client'
import { fetchPublicCatalog, fetchPublicRegions, portalKeys } from './api'
import { PortalChips, PortalSearch } from './PortalFilters'

/** 服务清单 for the public: the list in force today, searchable, by category, as large cards. */
export function ServiceListPage() {
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined)
  const [q, setQ] = useState('')
  const [category, setCategory] = useState('')
  const [page, setPage] = useState(1)
  const pageSize = 12
  useEffect(() => {
    document.title = '服务清单 · 颐养养老服务公开信息'
  }, [])
  const regions = useQuery({ queryKey: portalKeys.regions, queryFn: fetchPublicRegions })
  const query = { regionCode, q: q || undefined, category: category || undefined, page, pageSize }
  const list = useQuery({ queryKey: portalKeys.catalog(query), queryFn: () => fetchPublicCatalog(query), placeholderData: keepPreviousData })
  const data = list.data
  const counts = data?.categoryCounts ?? {}
  const cats = serviceCategories.filter((c) => counts[c])
  const total = Object.values(counts).reduce((a, b) => a + b, 0)

  return (
    <section aria-labelledby="yy-portal-h1">
      <h1 id="yy-portal-h1" className="yy-portal-h1">
        基本养老服务清单
      </h1>
      {data?.edition ? (
        <p className="yy-portal-lead">
          {data.edition.title}，{data.edition.effectiveDate} 起执行。以下价格为服务标准价，实际个人支付以补贴政策为准。
        </p>
      ) : null}
      <div className="yy-portal-tools">
        {(regions.data?.items.length ?? 0) > 1 ? (
          <Select
            aria-label="所在地区"
            value={regionCode ?? data?.edition?.regionCode}
            options={regions.data!.items.map((r) => ({ value: r.code, label: r.name }))}
            onChange={(v) => {
              setRegionCode(v)
              setPage(1)
            }}
            style={{ minWidth: 200 }}
          />
        ) : null}
        <PortalSearch
          label="搜索服务"
          placeholder="搜索服务名称，如：助餐、助浴"
          onSearch={(v) => {
            setQ(v)
            setPage(1)
          }}
        />
      </div>
      <PortalChips
        label="按服务类别筛选"
        value={category}
        total={total}
        options={cats.map((c) => ({ value: c, label: serviceCategoryLabels[c], count: counts[c] ?? 0 }))}
        onChange={(c) => (setCategory(c), setPage(1))}
      />
      {list.isError ? <Alert type="error" showIcon title="服务清单暂时无法显示" description={errorMessage(list.error)} /> : null}
      {list.isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {data && !data.edition ? <Empty description="该地区暂未发布服务清单" /> : null}
      {data?.edition && !data.items.length ? <Empty description="没有找到符合条件的服务，请换个词试试" /> : null}
      <ul className="yy-portal-cards" aria-label="服务项目">
        {data?.items.map((it) => (
          <li key={it.code} className="yy-portal-card">
            <div className="yy-portal-card-head">
              <h2>{it.name}</h2>
              <span className="yy-portal-cat">{serviceCategoryLabels[it.category]}</span>
            </div>
            <div className="yy-portal-price">
              <span className="yuan">{it.priceFen === 0 ? '免费' : `${fenToYuanString(it.priceFen)} 元`}</span>
              {it.priceFen === 0 ? null : <span className="unit"> / {serviceUnitLabels[it.unit]}</span>}
            </div>
            <dl>
              <dt>谁来付费</dt>
              <dd>{servicePayerLabels[it.payer]}</dd>
              <dt>服务对象</dt>
              <dd>{it.targetText}</dd>
              {it.content ? (
                <>
                  <dt>服务内容</dt>
                  <dd>{it.content}</dd>
                </>
              ) : null}
              {it.standard ? (
                <>
                  <dt>服务标准</dt>
                  <dd>{it.standard}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
      {data && data.total > pageSize ? (
        <Pagination
          className="yy-portal-pager"
          current={page}
          pageSize={pageSize}
          total={data.total}
          onChange={(p) => {
            setPage(p)
            window.scrollTo({ top: 0 })
          }}
          showSizeChanger={false}
          showTotal={(n) => `共 ${n} 项`}
        />
      ) : null}
    </section>
  )
}
