import { formatFen, orderStatusLabels, type TOrderStatus } from '@yiyang/core'
import { StatusTag, type Tone } from '../../shared/StatusTag'

const ORDER_TONES: Record<TOrderStatus, Tone> = {
  requested: 'info',
  priced: 'info',
  accepted: 'accent',
  assigned: 'accent',
  en_route: 'accent',
  checked_in: 'warning',
  recorded: 'warning',
  checked_out: 'success',
  exception: 'danger',
  confirmed: 'success',
  settled: 'neutral',
  cancelled: 'neutral',
  no_show: 'danger',
}
export function OrderStatusTag({ status }: { status: TOrderStatus }) {
  return <StatusTag tone={ORDER_TONES[status] ?? 'neutral'}>{orderStatusLabels[status] ?? '未知状态'}</StatusTag>
}

/** Money on screen: ￥ and two decimals from integer fen. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatFen(fen))
