import { PhoneOutlined } from '@ant-design/icons'
import { Modal, Space, Typography } from 'antd'
import { formatDateTime } from '../../shared/format'
import type { HotlineStreamMessage } from './api'
import { HotlineDetailPanel } from './HotlineDetailPanel'

/** The caller's card popped on the operator's screen when the switchboard posts a 12349 call. */
export function CallerPopup({ call, onClose }: { call: HotlineStreamMessage['call'] | null; onClose: () => void }) {
  return (
    <Modal
      open={!!call}
      onCancel={onClose}
      footer={null}
      width={780}
      destroyOnHidden
      closable={{ 'aria-label': '关闭来电弹窗' }}
      title={
        call ? (
          <Space>
            <PhoneOutlined />
            <span>12349 来电：{call.elderName ?? '未匹配到老人'}</span>
            <Typography.Text type="secondary">
              {call.callerPhoneMasked} · {formatDateTime(call.receivedAt, true)}
            </Typography.Text>
          </Space>
        ) : null
      }
    >
      {call ? <HotlineDetailPanel id={call.id} /> : null}
    </Modal>
  )
}
