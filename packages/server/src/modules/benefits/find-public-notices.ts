import { and, asc, count, eq, gte, inArray } from 'drizzle-orm'
import { describeRule, programmeFields, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, type TPageQuery } from '../../platform/list.js'
import { AppError } from '../../platform/errors.js'
import { regionNames } from '../regions/index.js'
import { loadProgrammes } from './benefits.repo.js'
import { benefitApplications } from './benefits.tables.js'

type TNoticeRow = Pick<
  typeof benefitApplications.$inferSelect,
  'id' | 'elderNameMasked' | 'regionCode' | 'programmeCode' | 'amountFen' | 'noticeStart' | 'noticeEnd'
>

/** Open 公示 (domain.md §14): masked name, community, programme, amount and dates only; down when the window ends. */
const openNow = (today: string) => and(inArray(benefitApplications.status, ['notice_open', 'objection_review']), gte(benefitApplications.noticeEnd, today))

async function toPublic(ctx: Ctx, rows: TNoticeRow[]) {
  const programmes = new Map((await loadProgrammes(ctx.db, { includeInactive: true })).map((p) => [p.code, p.definition.name]))
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return rows.map((r) => ({
    id: r.id,
    elderName: r.elderNameMasked,
    communityName: names.get(r.regionCode) ?? null,
    programmeName: programmes.get(r.programmeCode) ?? r.programmeCode,
    amountFen: r.amountFen,
    noticeStart: r.noticeStart!,
    noticeEnd: r.noticeEnd!,
  }))
}

const cols = {
  id: benefitApplications.id,
  elderNameMasked: benefitApplications.elderNameMasked,
  regionCode: benefitApplications.regionCode,
  programmeCode: benefitApplications.programmeCode,
  amountFen: benefitApplications.amountFen,
  noticeStart: benefitApplications.noticeStart,
  noticeEnd: benefitApplications.noticeEnd,
}

export async function findPublicNotices(ctx: Ctx, q: TPageQuery) {
  const cond = openNow(todayInShanghai(ctx.clock.now()))
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(cols)
      .from(benefitApplications)
      .where(cond)
      .orderBy(asc(benefitApplications.noticeEnd), asc(benefitApplications.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(benefitApplications).where(cond),
  ])
  return pageResult(await toPublic(ctx, rows), Number(total?.n ?? 0), q)
}

export async function getPublicNotice(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(cols)
    .from(benefitApplications)
    .where(and(eq(benefitApplications.id, id), openNow(todayInShanghai(ctx.clock.now()))))
  if (!row) throw new AppError('NOT_FOUND', '公示不存在或已结束')
  return (await toPublic(ctx, [row]))[0]!
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const yuan = (fen: number | null) => (fen === null ? '—' : `${(fen / 100).toFixed(2)} 元/月`)

/** A printable A4 sheet of the open 公示, for the notice boards of communities and streets. */
export async function renderNoticeSheet(ctx: Ctx) {
  const { items } = await findPublicNotices(ctx, { page: 1, pageSize: 200 })
  const today = todayInShanghai(ctx.clock.now())
  const rows = items
    .map(
      (n, i) =>
        `<tr><td>${i + 1}</td><td>${esc(n.elderName)}</td><td>${esc(n.communityName ?? '')}</td><td>${esc(n.programmeName)}</td><td>${yuan(n.amountFen)}</td><td>${n.noticeStart} 至 ${n.noticeEnd}</td></tr>`,
    )
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>养老服务补贴公示</title>
<style>@page{size:A4;margin:18mm}body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:14px;color:#000}
h1{text-align:center;font-size:22px;margin:0 0 8px}p{line-height:1.7}table{width:100%;border-collapse:collapse;margin:12px 0}
th,td{border:1px solid #000;padding:6px 4px;text-align:center}.sign{text-align:right;margin-top:32px}</style></head>
<body><h1>养老服务补贴（津贴）审核结果公示</h1>
<p>根据有关政策规定，经申请、受理、核查和街道（乡镇）审核，下列人员拟享受相应补贴，现予公示。公示期间，任何单位和个人如有异议，可通过平台“公示”页面或向所在社区（村）、街道（乡镇）民政部门反映，请提供真实姓名、联系方式和相关证明材料。</p>
<table><thead><tr><th>序号</th><th>姓名</th><th>社区（村）</th><th>补贴项目</th><th>拟享受标准</th><th>公示期</th></tr></thead><tbody>${rows || '<tr><td colspan="6">当前没有公示中的名单</td></tr>'}</tbody></table>
<p class="sign">打印日期：${today}</p></body></html>`
}

/** Plain-language rules of the programmes for the public 补贴政策 page. */
export async function findPublicProgrammes(ctx: Ctx) {
  const rows = await loadProgrammes(ctx.db)
  return rows.map(({ definition: p }) => {
    const top = 'all' in p.eligibility ? p.eligibility.all : [p.eligibility]
    return {
      code: p.code,
      name: p.name,
      delivery: p.delivery,
      summary: p.summary,
      basis: p.basis,
      clauses: top.map((c) => describeRule(c, programmeFields)),
      tiers: p.amount.tiers.map((t) => ({ text: t.when ? describeRule(t.when, programmeFields) : '符合条件者', amountFen: t.amountFen })),
      needsAssessment: p.needsAssessment,
      noticeDays: p.notice.enabled ? p.notice.days : null,
    }
  })
}
