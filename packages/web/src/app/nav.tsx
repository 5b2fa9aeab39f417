import type { ReactNode } from 'react'
import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  SolutionOutlined,
  AuditOutlined,
  HomeOutlined,
  KeyOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { AccountBookOutlined, AimOutlined, CalendarOutlined, FileTextOutlined, HeartOutlined, IdcardOutlined } from '@ant-design/icons'

export interface NavItem {
  path: string
  label: string
  icon: ReactNode
  /** Permission needed to see and open the page; undefined = every signed-in user. */
  permission?: string
  group: 'main' | 'system'
  description: string
  color: string
}

/** The single list that drives the side menu, the home page quick links and route guards. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, group: 'main', description: '常用功能与个人信息', color: '#1a5fb4' },
  {
    path: '/elders',
    label: '老年人信息库',
    icon: <IdcardOutlined />,
    permission: 'elder:read',
    group: 'main',
    description: '辖区老年人档案：筛选、建档、批量导入导出',
    color: '#0b7a75',
  },
  {
    path: '/worklists',
    label: '主动发现',
    icon: <AimOutlined />,
    permission: 'worklist:read',
    group: 'main',
    description: '按筛查规则找出需关注的老人，认领、处理、跟进',
    color: '#a35200',
  },
  {
    path: '/assessments',
    label: '能力评估',
    icon: <SolutionOutlined />,
    permission: 'assessment:read',
    group: 'main',
    description: '按 GB/T 42195-2022 安排、填写、审核能力评估，打印评估报告',
    color: '#0b7a75',
  },
  {
    path: '/assessments/due',
    label: '复评提醒',
    icon: <AlertOutlined />,
    permission: 'assessment:read',
    group: 'main',
    description: '即将到期、已逾期和身体状况变化需要复评的老人',
    color: '#a35200',
  },
  {
    path: '/assessments/stats',
    label: '评估统计',
    icon: <BarChartOutlined />,
    permission: 'assessment:read',
    group: 'main',
    description: '各区划能力等级分布、评估员工作量，导出 Excel',
    color: '#6b3fa0',
  },
  {
    path: '/visits',
    label: '探访关爱',
    icon: <HeartOutlined />,
    permission: 'visit:plan',
    group: 'main',
    description: '独居、高龄、失能老人探访计划，指定探访人，逾期与红名单，探访率',
    color: '#c01c28',
  },
  {
    path: '/visits/mine',
    label: '我的探访',
    icon: <CalendarOutlined />,
    permission: 'visit:record',
    group: 'main',
    description: '我负责探访的老人和本周探访日历，手机上登记探访',
    color: '#26a269',
  },
  {
    path: '/visits/ledger',
    label: '探访台账',
    icon: <FileTextOutlined />,
    permission: 'visit:export',
    group: 'main',
    description: '按社区（村）和月份的探访台账，打印与导出 Excel',
    color: '#6b3fa0',
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    permission: 'user:read',
    group: 'system',
    description: '账号、角色与管辖范围，启用停用、重置密码',
    color: '#1a5fb4',
  },
  {
    path: '/regions',
    label: '行政区划',
    icon: <ApartmentOutlined />,
    permission: 'region:read',
    group: 'system',
    description: '查看管辖范围内的街道(乡镇)与社区(村)',
    color: '#0b7a75',
  },
  {
    path: '/disbursement',
    label: '月度发放',
    icon: <AccountBookOutlined />,
    permission: 'ledger:read',
    group: 'main',
    description: '按月计算补贴发放，复核、审批，查看每位老人的发放明细',
    color: '#8a5a00',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    permission: 'audit:read',
    group: 'system',
    description: '检索全部操作记录，校验日志哈希链',
    color: '#6b3fa0',
  },
  {
    path: '/tokens',
    label: 'API 令牌',
    icon: <KeyOutlined />,
    permission: 'token:manage',
    group: 'system',
    description: '为设备和外部系统签发、吊销访问令牌',
    color: '#a35200',
  },
  {
    path: '/system/jobs',
    label: '后台任务',
    icon: <ScheduleOutlined />,
    permission: 'job:manage',
    group: 'system',
    description: '查看导入、定时任务的执行情况，重新执行失败的任务',
    color: '#26734d',
  },
]

export const GROUP_LABELS: Record<NavItem['group'], string> = {
  main: '业务办理',
  system: '系统管理',
}
