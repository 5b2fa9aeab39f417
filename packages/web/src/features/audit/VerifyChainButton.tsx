import type { ReactNode } from 'react'
import { useMutation } from '@tanstack/react-query'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button } from 'antd'
import { errorMessage } from '../../api/client'
import { verifyAuditChain } from './api'

/** 校验哈希链: one button → GET /audit/verify; the outcome stays on the page until closed. */
export function useVerifyChain() {
  return useMutation({ mutationFn: verifyAuditChain })
}

export function VerifyChainButton({ mutation }: { mutation: ReturnType<typeof useVerifyChain> }) {
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={mutation.isPending} onClick={() => mutation.mutate()}>
      {mutation.isPending ? '正在校验…' : '校验哈希链'}
    </Button>
  )
}

export function VerifyChainResult({ mutation }: { mutation: ReturnType<typeof useVerifyChain> }) {
  // One closable alert for every outcome; failures are announced as alerts, success as status.
  const show = (type: 'success' | 'error', title: string, description?: ReactNode) => (
    <Alert
      type={type}
      showIcon
      closable={{ onClose: () => mutation.reset(), 'aria-label': '关闭校验结果' }}
      role={type === 'error' ? 'alert' : 'status'}
      style={{ marginBottom: 16 }}
      title={title}
      description={description}
    />
  )
  if (mutation.isError) return show('error', '校验未能完成', errorMessage(mutation.error))
  const r = mutation.data
  if (!r) return null
  if (r.ok) {
    const legacy = r.legacyRows ? `其中 ${r.legacyRows.toLocaleString('zh-CN')} 条为升级前写入的未签名记录。` : ''
    return show('success', `哈希链完整：已校验 ${r.checked.toLocaleString('zh-CN')} 条记录，链尾与链头一致，未发现篡改或缺失。${legacy}`)
  }
  return show(
    'error',
    '哈希链校验失败：日志可能被篡改或缺失',
    r.brokenAt ? (
      <>
        第一条异常记录：序号 <strong>{r.brokenAt.seq}</strong>
        {r.brokenAt.id ? (
          <>
            （记录编号 <span className="yy-mono">{r.brokenAt.id}</span>）
          </>
        ) : null}
        。 原因：{r.brokenAt.reason}。在此之前已校验 {r.checked.toLocaleString('zh-CN')} 条记录。请立即报告系统管理员并保全数据库。
      </>
    ) : (
      `已校验 ${r.checked} 条记录。请立即报告系统管理员。`
    ),
  )
}
