import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { EnvironmentOutlined, EyeOutlined, PhoneOutlined } from '@ant-design/icons'
import { alarmFlow, availableActions, escalationLevelLabels } from '@yiyang/core'
import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useMe } from '../../app/session'
import { formatDateTime } from '../../shared/format'
import { StatusTag } from '../../shared/StatusTag'
import { RevealModal } from '../elders/RevealModal'
import type { RevealField } from '../elders/api'
import { categoryLabel, livingLabel, sexLabel } from '../elders/labels'
import { AlarmActionModal, type TActionModal } from './AlarmActions'
import { alarmKeys, claimAlarm, fetchAlarm } from './api'
import { actionKindLabels, alarmStatusLabel, alarmTypeLabel, callBackLabel, deviceKindLabel, outcomeLabel, statusTone, typeTone } from './labels'

/** The selected alarm: elder card (masked; full values through the audited reveal), device, location, the operator's actions and the journal. */
export function AlarmDetailPanel({ id }: { id: string }) {
  const { message } = App.useApp()
  const me = useMe().data
  const queryClient = useQueryClient()
  const [modal, setModal] = useState<TActionModal>(null)
  const [reveal, setReveal] = useState<RevealField | null>(null)
  const q = useQuery({ queryKey: alarmKeys.detail(id), queryFn: () => fetchAlarm(id) })
  const claim = useMutation({
    mutationFn: () => claimAlarm(id),
    onSuccess: async () => {
      message.success('已认领，请立即回拨')
      await queryClient.invalidateQueries({ queryKey: alarmKeys.all })
    },
    onError: async (err) => {
      message.error(errorMessage(err))
      await queryClient.invalidateQueries({ queryKey: alarmKeys.all })
    },
  })
  if (q.isLoading) return <Skeleton active />
  if (!q.data) return <Empty description="报警不存在或已不在您的管辖范围内" />
  const a = q.data
  const mine = !a.claimedBy || a.claimedBy === me?.id
  const can = new Set(availableActions(alarmFlow, a.status))
  const e = a.elder
  return (
    <Card
      title={
        <Space wrap>
          <StatusTag tone={typeTone(a.type)}>{alarmTypeLabel(a.type)}</StatusTag>
          <span>{e?.name ?? '未绑定老人'}</span>
          <StatusTag tone={statusTone[a.status] ?? 'neutral'}>{alarmStatusLabel(a.status)}</StatusTag>
        </Space>
      }
      extra={<Typography.Text type="secondary">设备 {a.deviceSerial}</Typography.Text>}
    >
      {a.escalationLevel > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={escalationLevelLabels[a.escalationLevel]} /> : null}
      {a.claimedByName && !mine ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`由 ${a.claimedByName} 处理中`} /> : null}
      <Space wrap style={{ marginBottom: 16 }}>
        {can.has('claim') ? (
          <Button type="primary" danger size="large" loading={claim.isPending} onClick={() => claim.mutate()}>
            认领
          </Button>
        ) : null}
        {mine && can.has('callBack') ? (
          <Button icon={<PhoneOutlined />} onClick={() => setModal('callBack')}>
            记录回拨
          </Button>
        ) : null}
        {mine && a.status !== 'raised' && a.status !== 'closed' ? <Button onClick={() => setModal('notify')}>通知家属</Button> : null}
        {mine && can.has('dispatch') ? (
          <Button type="primary" onClick={() => setModal('dispatch')}>
            派单
          </Button>
        ) : null}
        {mine && can.has('close') ? <Button onClick={() => setModal('close')}>关闭报警</Button> : null}
      </Space>
      {e ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered title="老人信息" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="姓名">
            {e.name}（{sexLabel(e.sex)}，{e.age}岁）
          </Descriptions.Item>
          <Descriptions.Item label="居住情况">{livingLabel(e.livingArrangement)}</Descriptions.Item>
          <Descriptions.Item label="身份证号">
            {e.idNumber} <Button size="small" type="link" icon={<EyeOutlined />} aria-label="查看完整身份证号" onClick={() => setReveal('idNumber')} />
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">
            {e.phone ?? '—'}{' '}
            {e.phone ? <Button size="small" type="link" icon={<EyeOutlined />} aria-label="查看完整联系电话" onClick={() => setReveal('phone')} /> : null}
          </Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {e.address ?? '—'}{' '}
            {e.address ? <Button size="small" type="link" icon={<EyeOutlined />} aria-label="查看完整住址" onClick={() => setReveal('address')} /> : null}
          </Descriptions.Item>
          <Descriptions.Item label="所在社区">{e.regionName ?? a.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">{e.categories.length ? e.categories.map((c) => <Tag key={c}>{categoryLabel(c)}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label="慢性病" span={2}>
            {e.chronicConditions.length
              ? e.chronicConditions.map((c) => (
                  <Tag color="red" key={c}>
                    {c}
                  </Tag>
                ))
              : '无记录'}
          </Descriptions.Item>
          <Descriptions.Item label="紧急联系人" span={2}>
            {e.contacts.length ? (
              <Space direction="vertical" size={0}>
                {e.contacts.map((c, i) => (
                  <span key={i}>
                    {c.name}（{c.relation || '联系人'}
                    {c.isGuardian ? '，监护人' : ''}）{c.phone}
                  </span>
                ))}
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setReveal('contacts')}>
                  查看联系人完整电话
                </Button>
              </Space>
            ) : (
              '未登记'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="家庭医生">{e.familyDoctorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="能力等级">{e.abilityLevel ?? '未评估'}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} title="报警与设备" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="收到时间">{formatDateTime(a.receivedAt, true)}</Descriptions.Item>
        <Descriptions.Item label="设备">{a.device ? a.device.model || deviceKindLabel(a.device.kind) : '—'}</Descriptions.Item>
        <Descriptions.Item label="电量">{a.battery ?? a.device?.battery ?? '—'}%</Descriptions.Item>
        <Descriptions.Item label="位置">
          {a.lat !== null && a.lng !== null ? (
            <a href={`https://uri.amap.com/marker?position=${a.lng},${a.lat}&coordinate=wgs84`} target="_blank" rel="noreferrer">
              <EnvironmentOutlined /> 北纬 {a.lat.toFixed(5)}，东经 {a.lng.toFixed(5)}（在地图中查看）
            </a>
          ) : (
            '设备未上报位置'
          )}
        </Descriptions.Item>
        {a.responderName ? <Descriptions.Item label="响应人">{a.responderName}</Descriptions.Item> : null}
        {a.outcome ? <Descriptions.Item label="处置结果">{outcomeLabel(a.outcome)}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Title level={5}>处置记录</Typography.Title>
      {a.actions.length ? (
        <Timeline
          items={a.actions.map((x) => ({
            color: x.kind === 'escalated' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{actionKindLabels[x.kind] ?? '记录'}</Typography.Text>
                {x.kind === 'call_back' ? <Tag style={{ marginLeft: 8 }}>{callBackLabel(x.result)}</Tag> : null}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatDateTime(x.at, true)} {x.actorName ?? '系统'}
                </Typography.Text>
                <div>{x.note}</div>
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">暂无处置记录</Typography.Text>
      )}
      {a.recentAlarms.length ? (
        <>
          <Typography.Title level={5}>近期报警</Typography.Title>
          {a.recentAlarms.map((r) => (
            <div key={r.id}>
              {formatDateTime(r.receivedAt)} {alarmTypeLabel(r.type)} · {outcomeLabel(r.outcome)}
            </div>
          ))}
        </>
      ) : null}
      <AlarmActionModal alarm={a} open={modal} onClose={() => setModal(null)} />
      {e ? <RevealModal elderId={e.id} field={reveal} onClose={() => setReveal(null)} /> : null}
    </Card>
  )
}
