import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { errorMessage, type ApiToken } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { formatDateTime } from '../../shared/format'
import { TOKEN_STATUS_LABELS } from '../../shared/labels'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { fetchTokens, revokeToken, tokenKeys, TOKEN_SCOPE_LABELS } from './api'
import { CreateTokenModal } from './CreateTokenModal'

export function TokensPage() {
  const { elderMode } = useElderMode()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const list = useQuery({ queryKey: tokenKeys.list, queryFn: fetchTokens })

  const revoke = useMutation({
    mutationFn: (t: ApiToken) => revokeToken(t.id),
    onSuccess: async (_r, t) => {
      message.success(`已吊销令牌「${t.name}」`)
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list })
    },
    onError: (err) => message.error(errorMessage(err)),
  })

  const confirmRevoke = (t: ApiToken) =>
    modal.confirm({
      width: elderMode ? 600 : 440,
      title: `确定吊销令牌「${t.name}」吗？`,
      content: '吊销后，使用此令牌的设备或系统将立即无法访问接口，且不可恢复。',
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => revoke.mutateAsync(t).catch(() => undefined),
    })

  const columns: TableColumnsType<ApiToken> = [
    { title: '名称', dataIndex: 'name', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    { title: '所属账号', dataIndex: 'ownerUsername', width: elderMode ? 200 : 160, render: (_u: string, t) => `${t.ownerName}（${t.ownerUsername}）` },
    { title: '权限', dataIndex: 'scope', width: elderMode ? 110 : 80, render: (s: ApiToken['scope']) => TOKEN_SCOPE_LABELS[s] },
    {
      title: '令牌前缀',
      dataIndex: 'prefix',
      width: elderMode ? 200 : 160,
      responsive: ['xl'],
      render: (p: string) => <span className="yy-mono">{p}…</span>,
    },
    {
      title: '状态',
      dataIndex: 'revokedAt',
      width: elderMode ? 130 : 100,
      render: (r: string | null, t) =>
        r ? (
          <StatusTag tone="neutral">{TOKEN_STATUS_LABELS.revoked}</StatusTag>
        ) : t.isExpired ? (
          <StatusTag tone="neutral">已过期</StatusTag>
        ) : (
          <StatusTag tone="success">{TOKEN_STATUS_LABELS.active}</StatusTag>
        ),
    },
    { title: '到期时间', dataIndex: 'expiresAt', width: elderMode ? 210 : 160, render: (v: string) => formatDateTime(v) },
    // Prefix and last use give way below 1200 px, creation time below 1600 px, so that the
    // expiry and 操作 (pinned right) stay in view on tablets.
    { title: '创建时间', dataIndex: 'createdAt', width: elderMode ? 210 : 160, responsive: ['xxl'], render: (v: string) => formatDateTime(v) },
    {
      title: '最近使用',
      dataIndex: 'lastUsedAt',
      width: elderMode ? 210 : 160,
      responsive: ['xl'],
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">从未使用</Typography.Text>),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: elderMode ? 130 : 100,
      render: (_v, t) =>
        t.revokedAt ? (
          <Typography.Text type="secondary">于 {formatDateTime(t.revokedAt)} 吊销</Typography.Text>
        ) : (
          <Button type="link" danger size="small" style={{ paddingInline: 4 }} onClick={() => confirmRevoke(t)} aria-label={`吊销令牌 ${t.name}`}>
            吊销
          </Button>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title="API 令牌"
        description="供设备和外部系统调用接口的访问凭证（所有账号的令牌）。令牌以哈希形式保存，创建时只显示一次；到期或所属账号修改密码后自动失效。"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              创建令牌
            </Button>
          </Space>
        }
      />
      <Card>
        {list.isError ? (
          <Alert
            type="error"
            showIcon
            title="令牌列表加载失败"
            description={errorMessage(list.error)}
            action={<Button onClick={() => void list.refetch()}>重试</Button>}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          pagination={false}
          size={elderMode ? 'large' : 'middle'}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty description="还没有 API 令牌">
                <Button type="primary" onClick={() => setCreating(true)}>
                  创建第一个令牌
                </Button>
              </Empty>
            ),
          }}
        />
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  )
}
