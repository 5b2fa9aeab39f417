import {
  ageOn,
  assessmentReasonLabels,
  assessmentScaleLabels,
  assessmentStatusLabels,
  gbt42195Dimensions,
  mzt039DimensionNames,
  mzt039GradeNames,
  riskEventTypeLabels,
  sumRiskEvents,
  toShanghaiDate,
  type TAssessmentScale,
  type TRiskEventType,
} from '@yiyang/core'
import type { TAssessmentDetail } from './assessments.schemas.js'
import { hasDementiaOrMental, scaleLevels } from './scales.js'

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const sexLabel = { male: '男', female: '女' } as const
const fmtDate = (iso: string | null | undefined) => (iso ? toShanghaiDate(iso).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日') : '')
const box = (on: boolean) => `<span class="box">${on ? '✓' : ''}</span>`

/**
 * The printable report after GB/T 42195-2022 附录 C (老年人能力评估报告): basic information,
 * the four dimension scores, total, initial level, the level-change clauses that applied,
 * final level, assessors and signature lines. One A4 page; the same HTML is printed by the
 * browser (web report page) and rendered to PDF by chromium on the server.
 */
export function renderReportHtml(a: TAssessmentDetail, opts: { generatedAt: Date; districtName?: string | null }): string {
  const scale = a.scale as TAssessmentScale
  const isGbt = scale === 'gbt42195_2022'
  const age = a.assessedAt ? ageOn(a.elderBirthDate, a.assessedAt) : null
  const riskTotal = sumRiskEvents(a.info.riskEvents as Partial<Record<TRiskEventType, number>>)
  const riskText =
    Object.entries(a.info.riskEvents)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${riskEventTypeLabels[k as TRiskEventType] ?? k} ${n === 3 ? '3次及以上' : n + '次'}`)
      .join('，') || '无'
  const mental = hasDementiaOrMental(a.info)
  const diagnoses = a.info.diagnoses
    .filter((d) => /^F/i.test(d.icd10))
    .map((d) => `${d.name}（${d.icd10}）`)
    .join('，')
  const dims = a.dimensions ?? {}

  const scoreRows = isGbt
    ? gbt42195Dimensions
        .map((d) => `<tr><td>${esc(d.code)} ${esc(d.name)}</td><td class="num">${esc(dims[d.id] ?? '')}</td><td class="num">${d.maxPoints}</td></tr>`)
        .join('') + `<tr class="strong"><td>总分</td><td class="num">${esc(a.total ?? '')}</td><td class="num">90</td></tr>`
    : (['adl', 'mental', 'sensory', 'social'] as const)
        .map((k) => {
          const score = k === 'sensory' ? '—' : esc(dims[k] ?? '')
          const grade = dims[`${k}Grade`]
          return `<tr><td>${esc(mzt039DimensionNames[k])}</td><td class="num">${score}</td><td class="num">${grade === undefined ? '' : `${grade} 级 ${esc(mzt039GradeNames[grade] ?? '')}`}</td></tr>`
        })
        .join('')

  const levels = scaleLevels(scale)
  const levelBoxes = (value: number | null) => levels.map((l) => `<span class="opt">${box(value === l.level)} ${l.level} ${esc(l.name)}</span>`).join('')
  const sig = (s: { name: string; confirmedAt: string } | null | undefined) =>
    s ? `${esc(s.name)}<span class="confirm">（${esc(fmtDate(s.confirmedAt))}确认）</span>` : ''
  const [as1, as2] = a.assessors

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>老年人能力评估报告 - ${esc(a.elderName)}</title>
<style>
  @page { size: A4; margin: 12mm 14mm 10mm; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #000; font-size: 10pt; line-height: 1.35; background: #fff; }
  .sheet { max-width: 182mm; margin: 0 auto; }
  @media screen { body { background: #eef0f3; } .sheet { background: #fff; padding: 16mm; margin: 12px auto; box-shadow: 0 1px 6px rgba(0,0,0,.2); max-width: 210mm; } }
  .no { text-align: right; font-size: 9.5pt; }
  h1 { text-align: center; font-size: 18pt; letter-spacing: 6pt; margin: 1mm 0 0.5mm; font-weight: 700; }
  .sub { text-align: center; font-size: 9.5pt; margin-bottom: 2mm; }
  h2 { font-size: 11pt; margin: 2.6mm 0 1mm; font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
  table { width: 100%; border-collapse: collapse; }
  td, th { border: 0.8pt solid #000; padding: 0.9mm 1.8mm; vertical-align: middle; }
  th { font-weight: 700; background: #f0f0f0; }
  td.k { width: 17%; background: #f7f7f7; font-weight: 700; white-space: nowrap; }
  td.num { text-align: center; width: 22%; }
  tr.strong td { font-weight: 700; }
  .opt { display: inline-block; margin-right: 3.5mm; white-space: nowrap; }
  .box { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.8pt solid #000; text-align: center; line-height: 3.2mm; font-size: 8pt; font-weight: 700; vertical-align: -0.4mm; font-family: 'DejaVu Sans', sans-serif; }
  ul { margin: 0; padding-left: 4mm; }
  td.levels { font-size: 9.5pt; }
  td.levels .opt { margin-right: 2mm; }
  .final { font-size: 10.5pt; font-weight: 700; }
  .final .opt { margin-right: 2.5mm; }
  .sign td { height: 8mm; }
  .confirm { font-size: 9pt; color: #333; }
  .line { display: inline-block; min-width: 38mm; border-bottom: 0.8pt solid #000; height: 5mm; vertical-align: bottom; }
  .note { font-size: 9.5pt; margin: 2mm 0 0; }
  .foot { font-size: 8.5pt; color: #444; margin-top: 2mm; display: flex; justify-content: space-between; }
  .status { font-size: 9.5pt; border: 0.8pt solid #000; padding: 0 2mm; }
</style></head>
<body><div class="sheet">
  <div class="no">报告编号：${esc(a.id.slice(0, 8).toUpperCase())}　<span class="status">${esc(assessmentStatusLabels[a.status])}</span></div>
  <h1>老年人能力评估报告</h1>
  <div class="sub">依据 ${esc(assessmentScaleLabels[scale])}${isGbt ? ' 附录 C' : ''}</div>

  <h2>一、基本信息</h2>
  <table>
    <tr><td class="k">姓名</td><td>${esc(a.elderName)}</td><td class="k">性别</td><td>${esc(sexLabel[a.elderSex])}</td></tr>
    <tr><td class="k">出生日期</td><td>${esc(fmtDate(a.elderBirthDate))}</td><td class="k">评估时年龄</td><td>${age === null ? '' : age + ' 岁'}</td></tr>
    <tr><td class="k">所在社区（村）</td><td colspan="3">${esc(a.regionName ?? a.regionCode)}</td></tr>
    <tr><td class="k">评估原因</td><td colspan="3">${Object.entries(assessmentReasonLabels)
      .map(([k, v]) => `<span class="opt">${box(a.reason === k)} ${esc(v)}</span>`)
      .join('')}</td></tr>
    <tr><td class="k">评估地点</td><td>${esc(a.place)}</td><td class="k">评估日期</td><td>${esc(fmtDate(a.assessedAt))}</td></tr>
  </table>

  <h2>二、能力评估结果</h2>
  <table>
    <tr><th>${isGbt ? '一级指标' : '维度'}</th><th>${isGbt ? '得分' : '得分'}</th><th>${isGbt ? '满分' : '分级'}</th></tr>
    ${scoreRows}
    <tr><td colspan="3" class="levels"><b>初步等级：</b>${levelBoxes(a.initialLevel)}</td></tr>
  </table>

  <h2>三、等级变更条款</h2>
  <table>
    <tr><td class="k">昏迷</td><td>${box(a.info.coma)} 处于昏迷状态${isGbt ? '，直接评定为能力完全丧失' : '，直接评定为重度失能'}</td></tr>
    <tr><td class="k">痴呆、精神障碍</td><td>${box(mental)} 确诊为痴呆（F00–F03）或其他精神和行为障碍（F04–F99）${diagnoses ? '：' + esc(diagnoses) : ''}，在原有等级上提高一个等级</td></tr>
    <tr><td class="k">照护风险事件</td><td>${box(riskTotal >= 2)} 近30天内发生过2次及以上照护风险事件（跌倒、噎食、自杀、自伤、走失等），在原有等级上提高一个等级；本次记录：${esc(riskText)}</td></tr>
    <tr><td class="k">判定说明</td><td><ul>${(a.reasons ?? []).map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>
  </table>

  <h2>四、老年人能力最终等级</h2>
  <table><tr><td class="final">${levelBoxes(a.finalLevel)}</td></tr></table>

  <h2>五、评估人员与签名</h2>
  <table class="sign">
    <tr><th style="width:18%">角色</th><th style="width:22%">姓名</th><th style="width:22%">证书编号</th><th>签名（确认）</th></tr>
    <tr><td>评估员1</td><td>${esc(as1?.name)}</td><td>${esc(as1?.certificateNo)}</td><td>${sig(a.signatures.assessor1)}</td></tr>
    <tr><td>评估员2</td><td>${esc(as2?.name)}</td><td>${esc(as2?.certificateNo)}</td><td>${sig(a.signatures.assessor2)}</td></tr>
    <tr><td>老年人或信息提供者</td><td colspan="2">${esc(a.signatures.informant?.name)}${a.signatures.informant?.relation ? `（${esc(a.signatures.informant.relation)}）` : ''}</td><td>${sig(a.signatures.informant)}</td></tr>
    <tr><td>审核人</td><td>${esc(a.reviewerName)}</td><td>审核日期</td><td>${esc(fmtDate(a.reviewedAt))}</td></tr>
  </table>
  <p class="note">评估机构（盖章）：<span class="line"></span>　　　生效日期：${esc(fmtDate(a.effectiveDate)) || '<span class="line"></span>'}</p>
  ${a.objectionDeadline ? `<p class="note">如对评估结果有异议，老年人或其家属可于 ${esc(fmtDate(a.objectionDeadline))} 前向所在街道（乡镇）提出复评申请。</p>` : ''}
  <div class="foot"><span>${esc(opts.districtName ?? '')}颐养智慧养老服务平台</span><span>打印时间：${esc(opts.generatedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }))}</span></div>
</div></body></html>`
}
