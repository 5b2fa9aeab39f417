import { benefitDeliveryLabels } from '@yiyang/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Skeleton, Typography } from 'antd'
import { useEffect } from 'react'
import { errorMessage } from '../../../api/client'
import { benefitKeys, fetchPublicProgrammes, yuan } from '../api'
import '../benefits.css'

/** 补贴政策: each programme's rules in plain language (who, how much, how to apply). */
export function PublicPoliciesPage() {
  const q = useQuery({ queryKey: benefitKeys.publicProgrammes, queryFn: fetchPublicProgrammes })
  useEffect(() => {
    document.title = '补贴政策 · 颐养'
  }, [])
  return (
    <div className="yy-public">
      <Typography.Title level={1}>养老服务补贴政策</Typography.Title>
      <Typography.Paragraph>符合条件的老年人可向所在社区（村）居（村）委会申请，也可由工作人员代为申请。</Typography.Paragraph>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <Alert type="error" showIcon title="政策加载失败" description={errorMessage(q.error)} />
      ) : (
        q.data.map((p) => (
          <section key={p.code} className="yy-public-card" aria-labelledby={`p-${p.code}`}>
            <Typography.Title level={2} id={`p-${p.code}`} style={{ fontSize: 24 }}>
              {p.name}
            </Typography.Title>
            <Typography.Paragraph>{p.summary}</Typography.Paragraph>
            <Typography.Title level={3} style={{ fontSize: 21 }}>
              申请条件（全部满足）
            </Typography.Title>
            <ol>
              {p.clauses.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ol>
            <Typography.Title level={3} style={{ fontSize: 21 }}>
              {`补贴标准（${benefitDeliveryLabels[p.delivery]}）`}
            </Typography.Title>
            <ul>
              {p.tiers.map((t, i) => (
                <li key={i}>{`${t.text}：每月 ${yuan(t.amountFen)}`}</li>
              ))}
            </ul>
            <Typography.Paragraph>
              {`办理流程：社区（村）受理申请 → 入户核查${p.needsAssessment ? ' → 老年人能力评估' : ''} → 街道（乡镇）审核${p.noticeDays ? ` → 公示 ${p.noticeDays} 天` : ''} → 区县民政部门审批，自批准的次月起享受。`}
            </Typography.Paragraph>
            {p.basis ? <Typography.Paragraph type="secondary">{`政策依据：${p.basis}`}</Typography.Paragraph> : null}
          </section>
        ))
      )}
    </div>
  )
}
