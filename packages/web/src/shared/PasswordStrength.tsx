import { Typography } from 'antd'
import { passwordStrength, PASSWORD_RULE_TEXT } from './password'

const COLORS = ['#c4262e', '#c4262e', '#a35200', '#237a3b']

/** A three-step strength bar with the rule text, announced politely to screen readers. */
export function PasswordStrength({ value }: { value: string | undefined }) {
  const s = passwordStrength(value ?? '')
  return (
    <div aria-live="polite" className="yy-strength-wrap">
      <div className="yy-strength" aria-hidden="true">
        {[1, 2, 3].map((i) => (
          <div key={i} className="yy-strength-bar" style={{ background: s.score >= i ? COLORS[s.score] : undefined }} />
        ))}
      </div>
      <Typography.Text type="secondary" className="yy-small">
        密码强度：<span style={{ color: COLORS[s.score], fontWeight: 600 }}>{s.label}</span>　{PASSWORD_RULE_TEXT}
      </Typography.Text>
    </div>
  )
}
