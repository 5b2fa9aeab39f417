import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Empty, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { StatusTag } from '../../shared/StatusTag'
import { alarmKeys, fetchAssigned, responderStep, type AlarmItem } from './api'
import { alarmStatusLabel, alarmTypeLabel, statusTone, typeTone } from './labels'

const NEXT: Record<string, { step: 'accept' | 'arrive' | 'finish'; label: string }> = {
  dispatched: { step: 'accept', label: '接单' },
  accepted: { step: 'arrive', label: '已到达现场' },
  arrived: { step: 'finish', label: '处置完成' },
}

function Task({ a }: { a: AlarmItem }) {
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [note, setNote] = useState('')
  const next = NEXT[a.status]
  const go = useMutation({
    mutationFn: () => responderStep(a.id, next!.step, note.trim()),
    onSuccess: async () => {
      message.success(next!.step === 'arrive' ? '已到达现场' : `已${next!.label}`)
      setNote('')
      await queryClient.invalidateQueries({ queryKey: alarmKeys.assigned })
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <StatusTag tone={typeTone(a.type)}>{alarmTypeLabel(a.type)}</StatusTag>
          <StatusTag tone={statusTone[a.status] ?? 'neutral'}>{alarmStatusLabel(a.status)}</StatusTag>
        </Space>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {a.elderName ?? '—'}
        </Typography.Text>
        <Typography.Text type="secondary">
          {a.regionName ?? a.regionCode} · 报警时间 {formatDateTime(a.receivedAt)}
        </Typography.Text>
        {a.lat !== null && a.lng !== null ? (
          <a href={`https://uri.amap.com/marker?position=${a.lng},${a.lat}&coordinate=wgs84`} target="_blank" rel="noreferrer">
            在地图中查看位置
          </a>
        ) : null}
        {next ? (
          <>
            <Input.TextArea
              aria-label="现场情况"
              rows={2}
              placeholder="现场情况（可不填）"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
            />
            <Button type="primary" size="large" block loading={go.isPending} onClick={() => go.mutate()}>
              {next.label}
            </Button>
          </>
        ) : null}
      </Space>
    </Card>
  )
}

/** 我的出警任务 (phone page): alarms dispatched to me; accept, arrive, finish. */
export function ResponderPage() {
  const q = useQuery({ queryKey: alarmKeys.assigned, queryFn: fetchAssigned, refetchInterval: 15_000 })
  return (
    <>
      <PageHeader title="我的出警任务" description="12349 中心派给您的报警：接单后尽快上门，到达和处置完成时点一下。" />
      {q.data?.items.length ? q.data.items.map((a) => <Task key={a.id} a={a} />) : <Empty description={q.isLoading ? '加载中' : '暂无派给您的任务'} />}
    </>
  )
}
