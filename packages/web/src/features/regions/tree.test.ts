import { describe, expect, it } from 'vitest'
import type { RegionNode } from '../../api/client'
import { allCodes, countByLevel, filterTree, regionNameMap } from './api'

const tree: RegionNode[] = [
  {
    code: '620702000000',
    name: '甘州区',
    level: 'county',
    children: [
      {
        code: '620702001000',
        name: '东街街道',
        level: 'township',
        children: [
          { code: '620702001001', name: '县府街社区', level: 'village', children: [] },
          { code: '620702001002', name: '南关社区', level: 'village', children: [] },
        ],
      },
      { code: '620702102000', name: '大满镇', level: 'township', children: [] },
    ],
  },
]

describe('region tree helpers', () => {
  it('counts nodes by level and maps codes to names', () => {
    expect(countByLevel(tree)).toEqual({ county: 1, township: 2, village: 2 })
    expect(regionNameMap(tree).get('620702001002')).toBe('南关社区')
  })

  it('keeps ancestors of matches when filtering by name or code prefix', () => {
    const byName = filterTree(tree, '南关')
    expect(allCodes(byName)).toEqual(['620702000000', '620702001000', '620702001002'])
    const byCode = filterTree(tree, '620702102')
    expect(allCodes(byCode)).toEqual(['620702000000', '620702102000'])
    expect(filterTree(tree, '不存在')).toEqual([])
  })

  it('limits allCodes by depth', () => {
    expect(allCodes(tree, 1)).toEqual(['620702000000'])
  })
})
