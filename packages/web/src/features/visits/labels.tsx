import { visitFrequencyLabels, visitPeriodStatusLabels, type TVisitFrequency, type TVisitPeriodStatus } from '@yiyang/core'
import { Tag } from 'antd'

export function FrequencyTag({ frequency }: { frequency: TVisitFrequency }) {
  return <Tag color={frequency === 'weekly' ? 'blue' : 'cyan'}>{visitFrequencyLabels[frequency]}</Tag>
}

const periodColors: Record<TVisitPeriodStatus, string> = {
  open: 'default',
  visited: 'green',
  missed: 'orange',
  escalated_community: 'volcano',
  escalated_street: 'red',
}
export function PeriodTag({ status }: { status: TVisitPeriodStatus }) {
  return <Tag color={periodColors[status]}>{visitPeriodStatusLabels[status]}</Tag>
}
