import { Alert, Button, Input, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useElderMode } from '../app/elderMode'
import type { UseQueryResult } from '@tanstack/react-query'
import { errorMessage } from '../api/client'

type ListQuery<T> = Pick<UseQueryResult<{ items: T[] }>, 'data' | 'isFetching'>

/** The table settings every paginated list shares: rows, loading, density per mode, no wrapping. */
export function listTableProps<T>(list: ListQuery<T>, elderMode: boolean) {
  return {
    dataSource: list.data?.items ?? [],
    loading: list.isFetching,
    size: elderMode ? ('large' as const) : ('middle' as const),
    className: 'yy-nowrap',
    scroll: { x: 'max-content' as const },
  }
}

/** A failed list load: the server's Chinese message and, where it makes sense, a retry button. */
export function ListLoadError({ list, title, retry = true }: { list: Pick<UseQueryResult, 'isError' | 'error' | 'refetch'>; title: string; retry?: boolean }) {
  if (!list.isError) return null
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorMessage(list.error)}
      action={retry ? <Button onClick={() => void list.refetch()}>重试</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  )
}

type PageState = { page: number; pageSize: number }

/**
 * Server-side pagination of a list: page and size from the query, the total from the answer,
 * the count in words; changing the page size starts again at page 1.
 */
export function listPagination(query: PageState, total: number | undefined, onChange: (next: PageState) => void, unit = '条') {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n: number) => `共 ${n.toLocaleString('zh-CN')} ${unit}`,
    onChange: (page: number, pageSize: number) => onChange({ page: pageSize !== query.pageSize ? 1 : page, pageSize }),
  }
}

/**
 * The search box of every list page: typed text is searched on Enter or the button, clearing it
 * clears the search, and it follows the URL query (back button, “reset filters”).
 */
export function ListSearch(props: {
  label: string
  placeholder: string
  value: string | undefined
  onSearch: (q: string | undefined) => void
  width?: number
  elderWidth?: number
}) {
  const { elderMode } = useElderMode()
  const [keyword, setKeyword] = useState(props.value ?? '')
  useEffect(() => setKeyword(props.value ?? ''), [props.value])
  return (
    <Input.Search
      allowClear
      aria-label={props.label}
      placeholder={props.placeholder}
      value={keyword}
      onChange={(e) => {
        setKeyword(e.target.value)
        if (!e.target.value) props.onSearch(undefined)
      }}
      onSearch={(v) => props.onSearch(v.trim() || undefined)}
      enterButton="搜索"
      style={{ width: elderMode ? (props.elderWidth ?? 340) : (props.width ?? 240), maxWidth: '100%' }}
    />
  )
}

/**
 * A code filter of a list page: the codes shown by their Chinese labels (never the raw code),
 * cleared back to “全部…”, wider in elder-friendly mode.
 */
export function ListFilterSelect<K extends string>(props: {
  label: string
  placeholder: string
  value: K | undefined
  codes: readonly K[]
  labels: Record<K, string>
  onChange: (v: K | undefined) => void
  width?: number
  elderWidth?: number
}) {
  const { elderMode } = useElderMode()
  return (
    <Select
      allowClear
      aria-label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(v?: K) => props.onChange(v)}
      options={props.codes.map((c) => ({ value: c, label: props.labels[c] }))}
      style={{ width: elderMode ? (props.elderWidth ?? 220) : (props.width ?? 160) }}
    />
  )
}
