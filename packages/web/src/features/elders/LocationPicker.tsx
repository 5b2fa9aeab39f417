import { useQuery } from '@tanstack/react-query'
import { Button, Modal, Typography } from 'antd'
import { useState } from 'react'
import { http } from '../../api/client'
import { MapView } from '../../shared/MapView'
import type { TMapContext } from '@yiyang/server/contract'

/**
 * 在地图上选点 (issue 20 item 1): a click on the map sets the home location (WGS-84). Without map
 * tiles the outlines of the streets still show where the community is.
 */
export function LocationPicker({ value, onPick }: { value: { lat: number; lng: number } | null; onPick: (p: { lat: number; lng: number }) => void }) {
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState(value)
  const context = useQuery({ queryKey: ['dispatch', 'map'], queryFn: () => http.get<TMapContext>('/dispatch/map'), enabled: open, staleTime: 10 * 60_000 })
  return (
    <>
      <Button
        onClick={() => {
          setPicked(value)
          setOpen(true)
        }}
      >
        在地图上选点
      </Button>
      <Modal
        open={open}
        title="在地图上选择住址位置"
        width={760}
        okText="使用该位置"
        cancelText="取消"
        okButtonProps={{ disabled: !picked }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          if (picked) onPick(picked)
          setOpen(false)
        }}
        destroyOnHidden
      >
        <MapView
          context={context.data}
          height={420}
          label="选点地图"
          onPick={setPicked}
          points={picked ? [{ ...picked, color: '#b3261e', radius: 8, label: '住址位置' }] : []}
          fitKey={value ? 'value' : undefined}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {picked ? `已选：纬度 ${picked.lat.toFixed(6)}，经度 ${picked.lng.toFixed(6)}（WGS-84）` : '点击地图上的位置'}
        </Typography.Paragraph>
      </Modal>
    </>
  )
}
