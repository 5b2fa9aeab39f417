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
  UnorderedListOutlined,
} from '@ant-design/icons'
import { AccountBookOutlined, AimOutlined, IdcardOutlined, MobileOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons'

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
    path: '/orders',
    label: '服务工单',
    icon: <ScheduleOutlined />,
    permission: 'order:read',
    group: 'main',
    description: '居家服务从申请、派单、上门签到到评价结算的全过程',
    color: '#1a5fb4',
  },
  {
    path: '/m/today',
    label: '今日服务（手机）',
    icon: <MobileOutlined />,
    permission: 'order:serve',
    group: 'main',
    description: '护理员手机页：今日工单、导航、签到签退与服务记录',
    color: '#0b7a75',
  },
  {
    path: '/providers',
    label: '服务商管理',
    icon: <ShopOutlined />,
    permission: 'provider:read',
    group: 'main',
    description: '服务商登记、审核、暂停与退出，服务项目与价格',
    color: '#6b3fa0',
  },
  {
    path: '/caregivers',
    label: '护理员',
    icon: <SafetyCertificateOutlined />,
    permission: 'caregiver:read',
    group: 'main',
    description: '持证上岗、证书到期提醒、背景审查与培训',
    color: '#a35200',
  },
  {
    path: '/catalog',
    label: '服务清单',
    icon: <UnorderedListOutlined />,
    permission: 'catalog:read',
    group: 'main',
    description: '基本养老服务清单的版本、项目、价格与支付责任；编辑草稿、发布、版本对比',
    color: '#26734d',
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
