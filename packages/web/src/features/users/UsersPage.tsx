import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { DownOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Dropdown, Empty, Grid, Select, Space, Table, Tooltip, Typography, type MenuProps, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { errorMessage, type Role, type User } from '../../api/client'
import { useElderMode } from '../../app/elderMode'
import { useCan, useMe } from '../../app/session'
import { formatDateTime, isFuture } from '../../shared/format'
import { ROLE_LABELS, ROLE_ORDER, USER_STATUS_LABELS, roleLabel } from '../../shared/labels'
import { PageHeader } from '../../shared/PageHeader'
import { useUrlQuery } from '../../shared/useUrlQuery'
import { StatusTag } from '../../shared/StatusTag'
import { fetchUsers, revokeUserSessions, updateUser, userKeys, type UserQuery } from './api'
import { ResetPasswordModal } from './ResetPasswordModal'
import { UserFormModal } from './UserFormModal'
import { ListLoadError, listTableProps, listPagination, ListSearch } from '../../shared/listTable'

function UserStatus({ user }: { user: User }) {
  if (!user.isActive) return <StatusTag tone="neutral">{USER_STATUS_LABELS.disabled}</StatusTag>
  if (isFuture(user.lockedUntil)) {
    return (
      <Tooltip title={`锁定至 ${formatDateTime(user.lockedUntil)}`}>
        <span tabIndex={0}>
          <StatusTag tone="warning">{USER_STATUS_LABELS.locked}</StatusTag>
        </span>
      </Tooltip>
    )
  }
  return <StatusTag tone="success">{USER_STATUS_LABELS.active}</StatusTag>
}

export function UsersPage() {
  const { elderMode } = useElderMode()
  // Fixed columns only help on wide screens; on a phone they would squeeze out everything else.
  const wide = Grid.useBreakpoint().md !== false
  const can = useCan()
  const canWrite = can('user:write')
  const { data: me } = useMe()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()

  const [query, patch, resetQuery] = useUrlQuery<UserQuery>({
    q: undefined,
    role: undefined,
    isActive: undefined,
    page: 1,
    pageSize: 20,
  })
  const [formOpen, setFormOpen] = useState(false)
  const [editing, setEditing] = useState<User | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)

  const list = useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => fetchUsers(query),
    placeholderData: keepPreviousData,
  })

  const toggleActive = useMutation({
    mutationFn: (u: User) => updateUser(u.id, { isActive: !u.isActive }),
    onSuccess: async (u) => {
      message.success(u.isActive ? `已启用「${u.displayName}」` : `已停用「${u.displayName}」，其登录会话已失效`)
      await queryClient.invalidateQueries({ queryKey: userKeys.all })
    },
    onError: (err) => message.error(errorMessage(err)),
  })

  const revoke = useMutation({
    mutationFn: (u: User) => revokeUserSessions(u.id),
    onSuccess: (_r, u) => message.success(`「${u.displayName}」已在所有设备上退出登录`),
    onError: (err) => message.error(errorMessage(err)),
  })

  const confirmToggle = (u: User) =>
    modal.confirm({
      width: elderMode ? 600 : 440,
      title: u.isActive ? `确定停用「${u.displayName}」吗？` : `确定启用「${u.displayName}」吗？`,
      content: u.isActive ? '停用后该账号将无法登录，已登录的会话会立即失效。可随时重新启用。' : '启用后该账号可以正常登录。',
      okText: u.isActive ? '停用' : '启用',
      okButtonProps: { danger: u.isActive },
      cancelText: '取消',
      onOk: () => toggleActive.mutateAsync(u).catch(() => undefined),
    })

  const confirmRevoke = (u: User) =>
    modal.confirm({
      width: elderMode ? 600 : 440,
      title: `强制「${u.displayName}」下线？`,
      content: '该用户在所有设备上的登录状态将立即失效，需要重新登录。',
      okText: '强制下线',
      cancelText: '取消',
      onOk: () => revoke.mutateAsync(u).catch(() => undefined),
    })

  const columns: TableColumnsType<User> = [
    {
      title: '姓名',
      dataIndex: 'displayName',
      fixed: wide ? 'left' : undefined,
      render: (name: string, u) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {u.id === me?.id ? (
            <Typography.Text type="secondary" className="yy-small" style={{ marginLeft: 6 }}>
              （本人）
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="yy-mono">{v}</span> },
    { title: '角色', dataIndex: 'role', render: (r: Role) => roleLabel(r) },
    {
      title: '管辖范围',
      dataIndex: 'scopeRegionName',
      render: (name: string, u) => (
        <Tooltip title={`区划代码 ${u.scopeRegionCode}`}>
          <span>{name || u.scopeRegionCode}</span>
        </Tooltip>
      ),
    },
    { title: '手机号', dataIndex: 'phone', render: (p: string | null) => p || '—' },
    { title: '状态', key: 'status', render: (_v, u) => <UserStatus user={u} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">从未登录</Typography.Text>),
    },
    ...(canWrite
      ? ([
          {
            title: '操作',
            key: 'actions',
            fixed: wide ? ('right' as const) : undefined,
            width: elderMode ? 200 : 130,
            render: (_v: unknown, u: User) => {
              const self = u.id === me?.id
              // My own password and sessions are handled from the user menu (修改密码 / 退出登录).
              const more: MenuProps['items'] = self
                ? []
                : [
                    { key: 'reset', label: '重置密码' },
                    { key: 'revoke', label: '强制下线' },
                    { type: 'divider' as const },
                    { key: 'toggle', label: u.isActive ? '停用账号' : '启用账号', danger: u.isActive },
                  ]
              return (
                <Space size={elderMode ? 8 : 4}>
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 4 }}
                    aria-label={`编辑 ${u.displayName}`}
                    onClick={() => {
                      setEditing(u)
                      setFormOpen(true)
                    }}
                  >
                    编辑
                  </Button>
                  {more.length > 0 ? (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: more,
                        onClick: ({ key }) => {
                          if (key === 'reset') setResetting(u)
                          else if (key === 'revoke') confirmRevoke(u)
                          else if (key === 'toggle') confirmToggle(u)
                        },
                      }}
                    >
                      <Button type="link" size="small" style={{ paddingInline: 4 }} aria-label={`${u.displayName} 的更多操作`}>
                        更多 <DownOutlined aria-hidden style={{ fontSize: '0.75em' }} />
                      </Button>
                    </Dropdown>
                  ) : null}
                </Space>
              )
            },
          },
        ] as TableColumnsType<User>)
      : []),
  ]

  const filtersActive = !!(query.q || query.role || query.isActive !== undefined)

  return (
    <>
      <PageHeader
        title="用户管理"
        description="管理您管辖范围内的工作人员账号。新建或修改的角色不能高于您本人的角色。"
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null)
                setFormOpen(true)
              }}
            >
              新建用户
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap size={[12, 12]} className="yy-filters">
          <ListSearch label="按姓名或用户名搜索" placeholder="搜索姓名或用户名" value={query.q} onSearch={(q) => patch({ q })} width={300} elderWidth={400} />
          <Select<Role>
            allowClear
            aria-label="按角色筛选"
            placeholder="全部角色"
            value={query.role}
            onChange={(role) => patch({ role })}
            options={ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            style={{ width: elderMode ? 280 : 200 }}
          />
          <Select<'1' | '0'>
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            value={query.isActive === undefined ? undefined : query.isActive ? '1' : '0'}
            onChange={(v) => patch({ isActive: v === undefined ? undefined : v === '1' })}
            options={[
              { value: '1', label: '已启用' },
              { value: '0', label: '已停用' },
            ]}
            style={{ width: elderMode ? 180 : 130 }}
          />
          {filtersActive ? <Button onClick={() => resetQuery()}>清除筛选</Button> : null}
          <Button icon={<ReloadOutlined />} aria-label="刷新列表" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} />
        </Space>

        <ListLoadError list={list} title="用户列表加载失败" />

        <Table<User>
          rowKey="id"
          columns={columns}
          {...listTableProps(list, elderMode)}
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty description={filtersActive ? '没有符合条件的用户，请调整筛选条件' : '暂无用户'} />
            ),
          }}
          pagination={listPagination(query, list.data?.total, patch, '个用户')}
        />
      </Card>

      <UserFormModal open={formOpen} user={editing} onClose={() => setFormOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  )
}
