import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Skeleton, Space, Table, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { assessmentKeys, fetchElderHistory, reportConditionChange, type AssessmentSummary } from './api'
import { DimensionRadar, ElderTrendChart } from './AssessmentCharts'
import { AssessmentStatusTag, LevelTag, reasonLabel, scaleShort } from './labels'
import { ScheduleAssessmentModal } from './ScheduleAssessmentModal'
import './assessments.css'

/** The 能力评估 tab of the elder detail page: history, trend, radar, schedule and condition change. */
export function ElderAssessmentsTab({ elder }: { elder: { id: string; name: string; regionCode: string } }) {
  const can = useCan()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [scheduling, setScheduling] = useState(false)
  const [reporting, setReporting] = useState(false)
  const [form] = Form.useForm<{ note: string }>()
  const history = useQuery({ queryKey: assessmentKeys.history(elder.id), queryFn: () => fetchElderHistory(elder.id) })
  const change = useMutation({
    mutationFn: (note: string) => reportConditionChange(elder.id, note),
    onSuccess: async () => {
      message.success('已记录，该老人已列入复评提醒（即时评估）')
      setReporting(false)
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.all })
    },
    onError: (err) => message.error(errorMessage(err)),
  })

  if (history.isPending) return <Skeleton active />
  if (history.isError) return <Alert type="error" showIcon title="评估记录加载失败" description={errorMessage(history.error)} />
  const items = history.data.items
  const current = items.find((a) => a.status === 'effective' || a.status === 'disputed') ?? null
  const previous = current ? (items.find((a) => a.status === 'superseded' && a.scale === current.scale) ?? null) : null
  const columns: TableColumnsType<AssessmentSummary> = [
    { title: '日期', key: 'date', render: (_v, a) => a.effectiveDate ?? a.scheduledDate },
    { title: '原因', dataIndex: 'reason', render: (r: string) => reasonLabel(r) },
    { title: '标准', dataIndex: 'scale', render: (s: string) => scaleShort(s) },
    { title: '状态', dataIndex: 'status', render: (s: AssessmentSummary['status']) => <AssessmentStatusTag status={s} /> },
    { title: '总分', dataIndex: 'total', render: (v: number | null) => v ?? '—' },
    { title: '等级', key: 'level', render: (_v, a) => <LevelTag level={a.finalLevel} name={a.finalLevelName} /> },
    { title: '', key: 'op', render: (_v, a) => <Link to={`/assessments/${a.id}`}>查看</Link> },
  ]
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {can('assessment:schedule') ? (
          <Button type="primary" onClick={() => setScheduling(true)}>
            安排评估
          </Button>
        ) : null}
        {can('assessment:schedule') ? (
          <Button
            onClick={() => {
              form.resetFields()
              setReporting(true)
            }}
          >
            报告身体状况变化
          </Button>
        ) : null}
        {current ? <Link to={`/assessments/${current.id}/report`}>打印现行评估报告</Link> : null}
      </Space>
      {items.length === 0 ? (
        <Empty description="尚未做过能力评估" />
      ) : (
        <>
          {current ? (
            <div className="yy-assess-charts">
              <Card size="small" title={`现行结果：${current.finalLevel} 级 ${current.finalLevelName ?? ''}（${current.effectiveDate}）`}>
                <DimensionRadar assessment={current} compare={previous ?? null} />
              </Card>
              <Card size="small" title="历次评估趋势">
                <ElderTrendChart elderId={elder.id} highlightId={current.id} />
              </Card>
            </div>
          ) : null}
          <Table rowKey="id" columns={columns} dataSource={items} pagination={false} size="middle" scroll={{ x: 'max-content' }} />
        </>
      )}
      <ScheduleAssessmentModal open={scheduling} onClose={() => setScheduling(false)} elder={elder} reason={current ? 'routine' : 'initial'} />
      <Modal
        open={reporting}
        title="报告身体状况变化"
        okText="提交"
        cancelText="取消"
        confirmLoading={change.isPending}
        onCancel={() => setReporting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v.note.trim())}>
          <Form.Item
            name="note"
            label="变化情况"
            rules={[{ required: true, min: 2, message: '请说明身体状况的变化' }]}
            extra="如：近日跌倒后卧床、脑卒中出院、走失后找回。提交后该老人立即列入复评提醒。"
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  )
}
