import { useQuery } from '@tanstack/react-query'
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, App, Button, Result, Skeleton, Space } from 'antd'
import { useRef, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { errorMessage } from '../../api/client'
import { PageHeader } from '../../shared/PageHeader'
import { assessmentKeys, fetchAssessment, reportHtmlUrl, reportPdfUrl } from './api'
import { ChartsCard } from './AssessmentCharts'
import './assessments.css'

/**
 * The Annex C report: the server's printable HTML in a frame (one layout for the browser's
 * print and the server's chromium PDF), print and PDF buttons, and the charts below.
 */
export function AssessmentReportPage() {
  const { id = '' } = useParams()
  const { message } = App.useApp()
  const frame = useRef<HTMLIFrameElement>(null)
  const [pdfBusy, setPdfBusy] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const detail = useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => fetchAssessment(id) })

  const downloadPdf = async () => {
    setPdfBusy(true)
    try {
      const res = await fetch(reportPdfUrl(id), { credentials: 'same-origin' })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null
        message.warning(body?.message ?? 'PDF 生成失败，请使用“打印”按钮')
        return
      }
      const url = URL.createObjectURL(await res.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = `老年人能力评估报告-${detail.data?.elderName ?? id}.pdf`
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (err) {
      message.error(errorMessage(err))
    } finally {
      setPdfBusy(false)
    }
  }

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (detail.isError)
    return <Result status="warning" title="评估记录加载失败" subTitle={errorMessage(detail.error)} extra={<Link to="/assessments">返回评估列表</Link>} />
  const a = detail.data
  if (a.finalLevel === null)
    return <Result status="info" title="暂无报告" subTitle="评估表填写完整后才能生成报告。" extra={<Link to={`/assessments/${id}`}>返回评估详情</Link>} />

  return (
    <>
      <PageHeader
        title={`评估报告 · ${a.elderName}`}
        description="按 GB/T 42195-2022 附录 C 格式，A4 纸打印；签名栏供纸质签字。"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PrinterOutlined />} disabled={!loaded} onClick={() => frame.current?.contentWindow?.print()}>
              打印
            </Button>
            <Button icon={<FilePdfOutlined />} loading={pdfBusy} onClick={() => void downloadPdf()}>
              下载 PDF
            </Button>
            <Link to={`/assessments/${id}`}>评估详情</Link>
          </Space>
        }
      />
      {a.status !== 'effective' && a.status !== 'superseded' && a.status !== 'disputed' ? (
        <Alert type="warning" showIcon title="该评估尚未生效" description="报告上标注了当前状态；审核通过后再打印正式报告。" style={{ marginBottom: 12 }} />
      ) : null}
      <iframe ref={frame} title="老年人能力评估报告" src={reportHtmlUrl(id)} className="yy-report-frame" onLoad={() => setLoaded(true)} />
      <div className="yy-no-print" style={{ marginTop: 16 }}>
        <ChartsCard assessment={a} />
      </div>
    </>
  )
}
