import { Descriptions, Typography } from 'antd'
import type { AuditEntry } from '../../api/client'
import { diffSnapshots } from './diff'

const SUMMARY = {
  none: () => '此操作未记录数据变化。',
  created: () => '新建记录，以下为创建后的内容。',
  removed: () => '删除或失效记录，以下为操作前的内容。',
  changed: (n: number) => `共 ${n} 项发生变化（已标黄并排在前面）。`,
  unchanged: () => '内容没有变化。',
}

/** Before/after of one audit row as a field-by-field table; changed fields are marked. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const d = diffSnapshots(entry.before, entry.after, entry.entityType)
  return (
    <div style={{ padding: '4px 8px' }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {SUMMARY[d.kind](d.changedCount)}
      </Typography.Paragraph>
      {d.rows.length > 0 ? (
        <table className="yy-diff" aria-label="修改前后对比">
          <thead>
            <tr>
              <th scope="col" style={{ width: '24%' }}>
                字段
              </th>
              {d.hasBefore ? <th scope="col">修改前</th> : null}
              {d.hasAfter ? <th scope="col">{d.hasBefore ? '修改后' : '内容'}</th> : null}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.key} className={r.changed ? 'yy-diff-changed' : undefined}>
                <th scope="row" style={{ fontWeight: 400, background: 'transparent' }}>
                  {r.label}
                </th>
                {d.hasBefore ? <td>{r.changed ? <del>{r.before}</del> : r.before}</td> : null}
                {d.hasAfter ? <td>{r.changed ? <ins>{r.after}</ins> : r.after}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="记录序号">{entry.seq}</Descriptions.Item>
        <Descriptions.Item label="来源 IP">{entry.ip || '—'}</Descriptions.Item>
        <Descriptions.Item label="请求号">
          {entry.requestId ? (
            <Typography.Text className="yy-mono" copyable={{ tooltips: ['复制请求号', '已复制'] }}>
              {entry.requestId}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="记录哈希">
          <Typography.Text className="yy-mono" style={{ wordBreak: 'break-all' }}>
            {entry.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </div>
  )
}
