import { useQuery } from '@tanstack/react-query'
import { http, type RegionNode } from '../../api/client'

export const regionKeys = { tree: ['regions', 'tree'] as const }

export const fetchRegionTree = () => http.get<{ items: RegionNode[] }>('/regions/tree').then((r) => r.items)

/** The region tree inside my scope; it rarely changes, so it is cached for the session. */
export function useRegionTree(enabled = true) {
  return useQuery({ queryKey: regionKeys.tree, queryFn: fetchRegionTree, staleTime: 30 * 60_000, enabled })
}

export function countByLevel(nodes: RegionNode[]): Record<string, number> {
  const out: Record<string, number> = {}
  const walk = (list: RegionNode[]) => {
    for (const n of list) {
      out[n.level] = (out[n.level] ?? 0) + 1
      walk(n.children ?? [])
    }
  }
  walk(nodes)
  return out
}

/** Nodes whose name or code matches, with their ancestors kept so the tree still reads right. */
export function filterTree(nodes: RegionNode[], keyword: string): RegionNode[] {
  const k = keyword.trim()
  if (!k) return nodes
  const out: RegionNode[] = []
  for (const n of nodes) {
    const kids = filterTree(n.children ?? [], k)
    if (n.name.includes(k) || n.code.startsWith(k) || kids.length > 0)
      out.push({ ...n, children: kids.length > 0 || !(n.name.includes(k) || n.code.startsWith(k)) ? kids : (n.children ?? []) })
  }
  return out
}

export function allCodes(nodes: RegionNode[], maxDepth = Infinity, depth = 0): string[] {
  if (depth >= maxDepth) return []
  return nodes.flatMap((n) => [n.code, ...allCodes(n.children ?? [], maxDepth, depth + 1)])
}

/** code → name for every node in the tree (for showing names next to codes). */
export function regionNameMap(nodes: RegionNode[]): Map<string, string> {
  const map = new Map<string, string>()
  const walk = (list: RegionNode[]) => {
    for (const n of list) {
      map.set(n.code, n.name)
      walk(n.children ?? [])
    }
  }
  walk(nodes)
  return map
}
