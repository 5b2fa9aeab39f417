import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import type { RegionNode } from '../../api/client'
import { regionLevelLabel } from '../../shared/labels'
import { useRegionTree } from './api'

interface TreeOption {
  value: string
  title: string
  label: string
  children: TreeOption[]
}

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${n.name}（${regionLevelLabel(n.level)}）`,
    label: n.name,
    children: toOptions(n.children ?? []),
  }))
}

/** Pick one region inside my scope. Used for a user's 管辖范围 and, later, for filters. */
export function RegionTreeSelect({
  value,
  onChange,
  id,
  placeholder = '请选择行政区划',
  allowClear = false,
  'aria-label': ariaLabel,
}: {
  value?: string
  onChange?: (code: string | undefined) => void
  id?: string
  placeholder?: string
  allowClear?: boolean
  'aria-label'?: string
}) {
  const { data, isPending, isError } = useRegionTree()
  const treeData = useMemo(() => toOptions(data ?? []), [data])
  const defaultExpanded = useMemo(() => (data ?? []).map((n) => n.code), [data])
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      placeholder={isError ? '行政区划加载失败，请刷新重试' : placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={defaultExpanded}
      allowClear={allowClear}
      style={{ width: '100%' }}
      notFoundContent={isPending ? '正在加载…' : '没有匹配的行政区划'}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 320 } } }}
    />
  )
}
