/**
 * Writes docs/examples/elders-import-example.xlsx: an import file for 东街街道 with good rows,
 * two duplicates-to-be of demo-seeded elders (one in 东街 → updated, one in 南街 → refused for
 * a 东街 officer) and one row of each common mistake, so the error report shows them all.
 *   npx tsx docs/examples/make-elders-import-example.ts
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { makeIdNumber, todayInShanghai } from '../../packages/core/src/index.js'
import { generateElders } from '../../packages/server/src/modules/elders/seed-elders.js'
import { importColumns, importHeader } from '../../packages/server/src/modules/elders/import-columns.js'

const regions = (
  JSON.parse(readFileSync(new URL('../../packages/server/src/seed/data/ganzhou-regions.json', import.meta.url), 'utf8')) as {
    regions: { code: string; name: string; level: string }[]
  }
).regions
const villages = regions
  .filter((r) => r.level === 'village')
  .map((r) => ({ code: r.code, name: r.name }))
  .sort((a, b) => a.code.localeCompare(b.code))
const seeded = generateElders({ count: 2000, villages, today: todayInShanghai(), encrypt: (s) => s, hash: (s) => s })
const inDongjie = seeded.find((e) => e.regionCode.startsWith('620702001'))!
// The clerk's slip of issue 24: another 东街 elder's ID number typed beside the name 郭明.
const mistyped = seeded.filter((e) => e.regionCode.startsWith('620702001') && e.name !== '郭明')[1]!
const inNanjie = seeded.find((e) => e.regionCode.startsWith('620702002'))!
const id = (birth: string, seq: number) => makeIdNumber('620702', birth, seq)
const dupInFile = id('1946-07-21', 237)

const rows: (string | number | Date | null)[][] = [
  [
    '赵桂兰',
    id('1941-03-08', 122),
    '620702001001 县府街社区',
    '本地户籍',
    '独居',
    '低保',
    '甘肃省张掖市甘州区县府街幸福小区3号楼2单元501室',
    '13993601234',
    '赵建军',
    '儿子',
    '13893605678',
    '是',
    '高血压、糖尿病',
    '是',
    '2024-03-01',
    '王医生',
    '',
  ],
  [
    '钱德胜',
    id('1950-11-19', 315),
    '620702001002 南关社区',
    '本地户籍',
    '空巢',
    '五保户',
    '甘肃省张掖市甘州区南关小区8号楼1单元302室',
    '139-9360-2345',
    '钱丽',
    '女儿',
    '13893606789',
    '否',
    '冠心病',
    '否',
    '',
    '',
    '五保户写法会按“特困人员”导入并提示',
  ],
  [
    '孙秀英',
    dupInFile,
    '620702001003 西来寺社区',
    '本地户籍',
    '与子女同住',
    '重度残疾',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '是',
    45352,
    '李医生',
    '签约日期写成 Excel 序列号',
  ],
  [
    '李满仓',
    id('1938-01-30', 411),
    '620702001001',
    '非本地户籍',
    '独居',
    '特困分散供养',
    '甘肃省张掖市甘州区县府街21号',
    '0936-8212345',
    '',
    '',
    '',
    '',
    '',
    '是',
    '2023年5月6日',
    '',
    '签约日期写成中文日期',
  ],
  [
    '周玉梅',
    id('1955-09-02', 128),
    '南关社区',
    '本地户籍',
    '其他',
    '计划生育特殊家庭、失独',
    '',
    '13993603456',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '社区写名称而不是代码',
  ],
  [
    '吴长生',
    id('1944-05-15', 517).toLowerCase(),
    '620702001002',
    '',
    '空巢',
    '优抚对象',
    '',
    '',
    '吴晓',
    '孙子',
    '13893607890',
    '是',
    '',
    '',
    '',
    '',
    '身份证号末位小写',
  ],
  [
    inDongjie.name,
    inDongjie.idEnc,
    inDongjie.regionCode,
    '',
    '独居',
    '低收入',
    '',
    '13993604567',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '已在本街道登记：重复导入会更新而不新建',
  ],
  [
    '郭明',
    mistyped.idEnc,
    mistyped.regionCode,
    '',
    '独居',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    `身份证号已登记为${mistyped.name}：需逐行确认，不会悄悄改名`,
  ],
  null,
  [inNanjie.name, inNanjie.idEnc, '620702001001', '', '', '', '', '', '', '', '', '', '', '', '', '', '已在南街街道登记：不会重复建档'],
  ['郑国强', '430102199001011234', '620702001001', '', '', '', '', '', '', '', '', '', '', '', '', '', '校验码错误'],
  ['', id('1949-02-11', 333), '620702001003', '', '', '', '', '', '', '', '', '', '', '', '', '', '缺少姓名'],
  ['孙秀英', dupInFile, '620702001003', '', '', '', '', '', '', '', '', '', '', '', '', '', '与上面的孙秀英同一身份证号'],
  ['冯淑珍', id('1952-12-24', 446), '620702001001', '', '', '低保、富裕户', '', '', '', '', '', '', '', '', '', '', '未知类别'],
  ['陈建国', id('1947-06-06', 139), '620702001002', '', '', '高龄', '', '', '', '', '', '', '', '', '', '', '高龄由系统计算，不要填写'],
  ['褚春梅', id('1958-04-17', 250), '620702001001', '', '', '', '', '1399360', '', '', '', '', '', '', '', '', '电话位数不够'],
  ['卫金山', id('1951-08-08', 361), '620702002001', '', '', '', '', '', '', '', '', '', '', '', '', '', '南街的社区，不在东街管辖范围'],
  ['蒋巧云', id('1960-10-10', 472), '620702001003', '', '', '', '', '', '张三', '', '', '', '', '是', '去年春天', '', '联系人没有电话、签约日期无法识别'],
]

const wb = new ExcelJS.Workbook()
const ws = wb.addWorksheet('老年人信息')
ws.columns = importColumns.map((c) => ({ header: importHeader(c), key: c.key, width: c.width }))
ws.getRow(1).font = { bold: true }
for (const k of ['idNumber', 'phone', 'contactPhone']) ws.getColumn(k).numFmt = '@'
for (const r of rows) ws.addRow(r ?? [])
await wb.xlsx.writeFile(new URL('./elders-import-example.xlsx', import.meta.url).pathname)
console.log(`wrote ${rows.length} rows; duplicates-to-be: ${inDongjie.name} (东街), ${inNanjie.name} (南街); conflict: 郭明 with the ID of ${mistyped.name}`)
