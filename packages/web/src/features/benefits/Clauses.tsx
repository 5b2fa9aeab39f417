import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons'

/** Why someone is or is not eligible, clause by clause (✓ met, ✗ not met), in Chinese. */
export function Clauses({ clauses }: { clauses: { text: string; met: boolean }[] }) {
  if (clauses.length === 0) return <span>—</span>
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="逐条判断">
      {clauses.map((c, i) => (
        <li key={i} className={c.met ? 'yy-clause-ok' : 'yy-clause-no'} style={{ padding: '2px 0' }}>
          {c.met ? <CheckCircleFilled aria-label="符合" /> : <CloseCircleFilled aria-label="不符合" />}{' '}
          <span style={{ color: 'rgba(0,0,0,0.88)' }}>{c.text}</span>
        </li>
      ))}
    </ul>
  )
}
