import { useQuery } from '@tanstack/react-query'
import { PrinterOutlined } from '@ant-design/icons'
import { Button, Space, Spin } from 'antd'
import { useParams } from 'react-router-dom'
import { catalogKeys, fetchEdition, fetchItems } from './api'
import { catalogEditionStatusLabels, priceText, serviceCategoryLabels, servicePayerLabels } from './labels'
import './catalog.css'

/** The edition as a printable A4 table (every item; the app's menus are hidden in print). */
export function PrintPage() {
  const { id = '' } = useParams()
  const edition = useQuery({ queryKey: catalogKeys.edition(id), queryFn: () => fetchEdition(id) })
  const q = { page: 1, pageSize: 200 }
  const items = useQuery({ queryKey: catalogKeys.items(id, q), queryFn: () => fetchItems(id, q) })
  const e = edition.data
  if (!e || !items.data) return <Spin />
  return (
    <div className="yy-cat-print">
      <Space className="yy-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <h1>{e.title}</h1>
      <p>{`发布区划：${e.regionName ?? e.regionCode}　版本：${e.versionLabel}　状态：${catalogEditionStatusLabels[e.status]}　生效日期：${e.effectiveDate ?? '未发布'}　共 ${items.data.total} 项`}</p>
      <table>
        <thead>
          <tr>
            <th>序号</th>
            <th>编码</th>
            <th>项目名称</th>
            <th>类别</th>
            <th>服务内容与标准</th>
            <th>服务对象</th>
            <th>价格</th>
            <th>支付责任</th>
          </tr>
        </thead>
        <tbody>
          {items.data.items.map((it, n) => (
            <tr key={it.id}>
              <td>{n + 1}</td>
              <td className="yy-cat-nowrap">{it.code}</td>
              <td>{it.name}</td>
              <td>{serviceCategoryLabels[it.category]}</td>
              <td>
                {it.content}
                {it.standard ? <div className="yy-cat-std">标准：{it.standard}</div> : null}
              </td>
              <td className="yy-cat-target">{it.targetText}</td>
              <td className="yy-cat-nowrap">{priceText(it.priceFen, it.unit)}</td>
              <td>{servicePayerLabels[it.payer]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
