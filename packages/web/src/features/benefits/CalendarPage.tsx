import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../api/client'
import { useCan } from '../../app/session'
import { dayjs } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { benefitKeys, deleteCalendarOverride, fetchCalendar, setCalendarOverride, type Calendar } from './api'

type Day = Calendar['days'][number]
const KIND = { holiday: '放假', adjusted_workday: '调休上班', workday: '工作日', weekend: '周末' } as const
const SOURCE = { package: '国务院安排（数据包）', override: '本地调整', weekday: '按周一至周五' } as const

/** The working-day calendar the step deadlines count on: the package's holidays and 调休, plus local overrides. */
export function CalendarPage() {
  const can = useCan()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [year, setYear] = useState(dayjs().year())
  const [form] = Form.useForm<{ date: dayjs.Dayjs; kind: 'holiday' | 'workday'; note: string }>()
  const cal = useQuery({ queryKey: benefitKeys.calendar(year), queryFn: () => fetchCalendar(year) })
  const done = async () => {
    message.success('已保存，时限按新的日历计算')
    await queryClient.invalidateQueries({ queryKey: ['benefits', 'calendar'] })
  }
  const save = useMutation({
    mutationFn: (v: { date: dayjs.Dayjs; kind: 'holiday' | 'workday'; note: string }) =>
      setCalendarOverride(v.date.format('YYYY-MM-DD'), { kind: v.kind, note: v.note }),
    onSuccess: async () => {
      form.resetFields()
      await done()
    },
    onError: (err) => message.error(errorMessage(err)),
  })
  const remove = useMutation({ mutationFn: deleteCalendarOverride, onSuccess: done, onError: (err) => message.error(errorMessage(err)) })
  return (
    <>
      <PageHeader title="工作日历" description="办理时限按工作日计算：国务院公布的放假和调休安排来自 chinese-days 数据包，本地可补录或调整个别日期。" />
      {cal.data && !cal.data.covered ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`数据包只含 ${cal.data.coveredUntil} 年及以前的安排；${year} 年目前按周一至周五计算，请在国务院通知发布后补录放假和调休日期`}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label="年份"
            value={year}
            onChange={setYear}
            options={[-1, 0, 1].map((d) => ({ value: dayjs().year() + d, label: `${dayjs().year() + d} 年` }))}
            style={{ width: 120 }}
          />
          {can('benefit:configure') ? (
            <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
              <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker aria-label="日期" />
              </Form.Item>
              <Form.Item name="kind" initialValue="holiday">
                <Select
                  aria-label="类型"
                  style={{ width: 120 }}
                  options={[
                    { value: 'holiday', label: '放假' },
                    { value: 'workday', label: '上班' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" rules={[{ required: true, message: '请填写说明' }]}>
                <Input aria-label="说明" placeholder="如：2027年春节" maxLength={100} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                保存本地调整
              </Button>
            </Form>
          ) : null}
        </Space>
      </Card>
      <Card>
        {cal.isError ? <Alert type="error" showIcon title="日历加载失败" description={errorMessage(cal.error)} /> : null}
        <Table<Day>
          rowKey="date"
          size="middle"
          loading={cal.isFetching}
          dataSource={cal.data?.days ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '日期', dataIndex: 'date' },
            { title: '星期', key: 'w', render: (_v, d) => '日一二三四五六'[dayjs(d.date).day()] },
            { title: '安排', dataIndex: 'kind', render: (k: Day['kind']) => KIND[k] },
            { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: '来源', dataIndex: 'source', render: (s: Day['source']) => SOURCE[s] },
            {
              title: '操作',
              key: 'op',
              render: (_v, d) =>
                d.source === 'override' && can('benefit:configure') ? (
                  <Popconfirm title="删除这条本地调整？" onConfirm={() => remove.mutate(d.date)} okText="删除" cancelText="取消">
                    <Button type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  )
}
