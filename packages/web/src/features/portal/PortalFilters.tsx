import { Input } from 'antd'

/** The portal's search box: a labelled field with a button, the text trimmed before it is used. */
export function PortalSearch({ label, placeholder, onSearch }: { label: string; placeholder: string; onSearch: (q: string) => void }) {
  return (
    <div className="yy-portal-search">
      <Input.Search allowClear aria-label={label} placeholder={placeholder} enterButton="搜索" onSearch={(v) => onSearch(v.trim())} />
    </div>
  )
}

/**
 * One row of large toggle chips (“全部” first) with the count each would show; pressed state is
 * announced (aria-pressed) for screen readers. '' stands for “全部”.
 */
export function PortalChips<K extends string>({
  label,
  value,
  options,
  total,
  onChange,
}: {
  label: string
  value: K | ''
  options: readonly { value: K; label: string; count: number }[]
  total: number
  onChange: (v: K | '') => void
}) {
  const chip = (v: K | '', text: string, count: number) => (
    <button type="button" key={v || '全部'} aria-pressed={value === v} className={value === v ? 'on' : ''} onClick={() => onChange(v)}>
      {text}（{count}）
    </button>
  )
  return (
    <div role="group" aria-label={label} className="yy-portal-chips">
      {chip('', '全部', total)}
      {options.map((o) => chip(o.value, o.label, o.count))}
    </div>
  )
}
