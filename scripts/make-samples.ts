/**
 * Writes the sample workbooks under samples/ (run: npx tsx scripts/make-samples.ts):
 * - rubric-template.xlsx: the seed rubric laid out like the paper table, entry columns empty;
 * - communities.xlsx: the rubric once per community, filled in, some sheets clean and some with
 *   planted mistakes, plus a 说明 sheet that is not a rubric;
 * - units/<社区>.xlsx: one workbook per community with the same content;
 * - other-office.xlsx: another office's rubric (safety work), other wording and layout;
 * - planted.json: every planted mistake and every fault of the rubric itself, for the tests.
 *
 * How an assessor records the 计划外一票否决: 扣分 = the item's points, 得分 = 0 and a reason that says
 * 一票否决 ("发生计划外生育1例，一票否决"); the sheet's 合计 is then written as 0.
 *
 * Output is deterministic: fixed workbook metadata, no clock or randomness in the content.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as OpenCC from 'opencc-js';
import { a1 } from '../src/core/a1';
import type { IssueCode } from '../src/core/issues';
import { SEED, SEED_HEADER, SEED_TITLE } from './seed-data';

const FIXED_DATE = new Date(Date.UTC(2014, 11, 31, 0, 0, 0));
const FONT = '宋体';

type Cell = string | number | null;

/** What one community's assessor typed for one item (by item key, see keyOf). */
interface Entry {
  deduction?: Cell;
  score?: Cell;
  reason?: string;
}

interface Plant {
  key: string;
  column: 'deduction' | 'score';
  code: IssueCode;
  note: string;
}

interface UnitData {
  name: string;
  /** Entries by item key; items not listed score full marks with an empty 扣分. */
  entries: Record<string, Entry>;
  /** Item keys left completely empty (neither 扣分 nor 得分). */
  blank?: string[];
  /** A number typed over the 合计 得分 cell instead of the SUM formula. */
  typedTotal?: number;
  /** Mistakes planted on purpose, with the issue code the checker must report. */
  plants: Plant[];
}

/** "1.3.4" = category 1, section 3, item 4 (positions, not the rubric's own numbering). */
function keyOf(c: number, s: number, i: number): string {
  return `${c + 1}.${s + 1}.${i + 1}`;
}

const UNITS: UnitData[] = [
  {
    name: '东风社区',
    entries: {
      '1.3.1': { deduction: 1, reason: '跟踪随访不到位2人' },
      '1.4.2': { deduction: 0.4, reason: '发回重办2次' },
      '1.5.3': { deduction: 1, reason: '全年投稿仅3篇' },
      '1.6.1': { deduction: 0.2, reason: '信息反馈不及时2次' },
      '2.3.2': { deduction: 0.5, reason: '第三季度无清查小结' },
    },
    plants: [],
  },
  {
    name: '新华社区',
    entries: {
      '1.3.2': { deduction: 0.5, reason: '产妇确认率低于全区平均' },
      '1.3.4': { deduction: 2, reason: '妇女卡错漏2人' },
      '1.6.6': { deduction: 0.2, reason: '报表延误上报1次' },
      '1.7.2': { deduction: 0.5, reason: '缺母亲节活动记录' },
      '2.3.4': { deduction: 1, reason: '两个季度指标未达全区平均' },
    },
    plants: [],
  },
  {
    name: '铁西社区',
    entries: {
      '1.3.4': { deduction: '1分', score: 4, reason: '漏更新1人' },
      '2.3.5': { deduction: '０.５', score: 1.5, reason: '少一次宣传服务' },
      '1.5.2': { deduction: 3, score: 0, reason: '全年无活动记录' },
      '1.4.2': { deduction: 0.3, score: 1.7, reason: '发回重办' },
      '1.3.1': { deduction: 0.5, reason: '' },
      '1.6.1': { deduction: 0.1, reason: '信息反馈不及时1次' },
    },
    plants: [
      { key: '1.3.4', column: 'deduction', code: 'notANumber', note: '扣分 typed as text "1分"' },
      { key: '2.3.5', column: 'deduction', code: 'notANumber', note: 'full-width number "０.５"' },
      { key: '1.5.2', column: 'deduction', code: 'deductionAboveCap', note: '扣分 3 on a 2-point item' },
      { key: '1.4.2', column: 'deduction', code: 'notStepMultiple', note: '0.3 off a 0.2分/次 item' },
      { key: '1.3.1', column: 'deduction', code: 'reasonMissing', note: 'deduction without a reason' },
    ],
  },
  {
    name: '南湖社区',
    entries: {
      '1.5.1': { deduction: '一', score: 5, reason: '少一次活动' },
      '1.3.4': { deduction: null, score: -1, reason: '漏登6人' },
      '1.4.5': { deduction: 1, score: 8, reason: '上报延误5次' },
      '1.6.5': { deduction: 0.1, reason: '展示柜有过期药' },
    },
    blank: ['2.2.1'],
    typedTotal: 98.5,
    plants: [
      { key: '1.5.1', column: 'deduction', code: 'notANumber', note: 'Chinese numeral "一"' },
      { key: '1.3.4', column: 'score', code: 'belowZero', note: '得分 -1 on a 扣完为止 item' },
      { key: '1.4.5', column: 'score', code: 'scoreDeductionMismatch', note: '扣分 1 but 得分 8 of 10' },
      { key: '2.2.1', column: 'deduction', code: 'entryMissing', note: 'row left empty' },
    ],
  },
  {
    name: '北站社区 (二)',
    entries: {
      '1.1.2': { deduction: 1, score: 0, reason: '发生计划外生育1例，一票否决' },
      '1.3.1': { deduction: 0.5, reason: '跟踪随访不到位1人' },
      '1.7.2': { deduction: 0.5, reason: '缺9.25活动记录' },
    },
    typedTotal: 0,
    plants: [
      { key: '1.1.2', column: 'deduction', code: 'vetoFired', note: '计划外生育一票否决 recorded in 扣分' },
    ],
  },
];

const COLS = {
  project: 1,
  content: 2,
  requirement: 3,
  points: 4,
  criteria: 5,
  method: 6,
  deduction: 7,
  score: 8,
  reason: 9,
};
const WIDTHS = [12, 16, 40, 9, 40, 22, 7, 7, 18];

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '彩屯街道人口计生办';
  wb.lastModifiedBy = '彩屯街道人口计生办';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  return wb;
}

function styleCells(ws: ExcelJS.Worksheet, top: number, bottom: number, left: number, right: number): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = {
        wrapText: true,
        vertical: 'middle',
        horizontal:
          c >= COLS.points && c !== COLS.criteria && c !== COLS.method && c !== COLS.reason
            ? 'center'
            : 'left',
      };
      if (!cell.font?.bold) cell.font = { name: FONT, size: 10 };
    }
  }
}

function writeHeader(ws: ExcelJS.Worksheet, row: number): void {
  SEED_HEADER.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 10, bold: true };
  });
}

/** Layout of a written rubric sheet: the row of every item (by key), the 合计 row, header rows. */
interface Layout {
  itemRow: Map<string, number>;
  totalRow: number;
  headerRows: number[];
  /** Row (1-based) where each category label is first written. */
  categoryRow: Map<number, number>;
}

/** Merge runs of rows [start, end] in a column, within one page segment. */
function mergeRuns(ws: ExcelJS.Worksheet, col: number, runs: [number, number][]): void {
  for (const [a, b] of runs) if (b > a) ws.mergeCells(a, col, b, col);
}

/**
 * The seed rubric on a sheet, laid out like the paper table: title, header, category and section
 * labels merged down columns A and B (repeated after each page break, with the header), shared
 * 评分标准/考核方式 cells merged, a 合计 row. With `unit`, the assessor's entries are filled in.
 */
function writeRubric(ws: ExcelJS.Worksheet, unit: UnitData | null): Layout {
  ws.properties.defaultRowHeight = 18;
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.mergeCells(1, 1, 1, 9);
  const title = ws.getCell(1, 1);
  title.value = SEED_TITLE;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  writeHeader(ws, 2);
  const layout: Layout = { itemRow: new Map(), totalRow: 0, headerRows: [2], categoryRow: new Map() };

  let row = 3;
  const catRuns: [number, number][] = [];
  const secRuns: [number, number][] = [];
  let catRun: [number, number] | null = null;
  let secRun: [number, number] | null = null;
  const closeRuns = () => {
    if (catRun) catRuns.push(catRun);
    if (secRun) secRuns.push(secRun);
    catRun = null;
    secRun = null;
  };
  const merges: [number, number, number][] = [];
  SEED.forEach((cat, ci) => {
    cat.sections.forEach((sec, si) => {
      if (secRun) secRuns.push(secRun);
      secRun = null;
      const itemRows: number[] = [];
      sec.items.forEach((item, ii) => {
        if (item.pageBreakBefore) {
          closeRuns();
          writeHeader(ws, row);
          layout.headerRows.push(row);
          ws.getRow(row).addPageBreak();
          row++;
        }
        if (!catRun) {
          ws.getCell(row, COLS.project).value = cat.text;
          if (!layout.categoryRow.has(ci)) layout.categoryRow.set(ci, row);
          catRun = [row, row];
        }
        if (!secRun) {
          ws.getCell(row, COLS.content).value = sec.text;
          secRun = [row, row];
        }
        catRun[1] = row;
        secRun[1] = row;
        const key = keyOf(ci, si, ii);
        layout.itemRow.set(key, row);
        itemRows.push(row);
        ws.getCell(row, COLS.requirement).value = item.text;
        ws.getCell(row, COLS.points).value = item.points;
        const inShared = (ranges: [number, number][] | undefined) =>
          ranges?.find(([a, b]) => ii >= a && ii <= b);
        const crit = inShared(sec.sharedCriteria);
        if (!crit || crit[0] === ii) ws.getCell(row, COLS.criteria).value = item.criteria;
        const meth = inShared(sec.sharedMethod);
        if (!meth || meth[0] === ii) ws.getCell(row, COLS.method).value = item.method || null;
        if (unit) {
          const e = unit.entries[key];
          const blank = unit.blank?.includes(key) ?? false;
          const deduction = e?.deduction ?? null;
          let score: Cell = null;
          if (!blank) {
            if (e && e.score !== undefined) score = e.score;
            else
              score = Math.round((item.points - (typeof deduction === 'number' ? deduction : 0)) * 100) / 100;
          }
          ws.getCell(row, COLS.deduction).value = blank ? null : deduction;
          ws.getCell(row, COLS.score).value = score;
          ws.getCell(row, COLS.reason).value = e?.reason ? e.reason : null;
        }
        row++;
      });
      for (const [a, b] of sec.sharedCriteria ?? []) merges.push([itemRows[a]!, itemRows[b]!, COLS.criteria]);
      for (const [a, b] of sec.sharedMethod ?? []) merges.push([itemRows[a]!, itemRows[b]!, COLS.method]);
    });
    closeRuns();
  });
  mergeRuns(ws, COLS.project, catRuns);
  mergeRuns(ws, COLS.content, secRuns);
  for (const [a, b, c] of merges) if (b > a) ws.mergeCells(a, c, b, c);

  const last = row - 1;
  layout.totalRow = row;
  ws.mergeCells(row, 1, row, 3);
  ws.getCell(row, 1).value = '合计';
  const sumOf = (col: number) => {
    let sum = 0;
    for (let r = 3; r <= last; r++) {
      const v = ws.getCell(r, col).value;
      if (typeof v === 'number' && !layout.headerRows.includes(r)) sum += Math.round(v * 100);
    }
    return sum / 100;
  };
  const colL = (c: number) => a1(0, c - 1).replace(/\d+$/, '');
  ws.getCell(row, COLS.points).value = {
    formula: `SUM(${colL(COLS.points)}3:${colL(COLS.points)}${last})`,
    result: sumOf(COLS.points),
  };
  if (unit) {
    ws.getCell(row, COLS.deduction).value = {
      formula: `SUM(${colL(COLS.deduction)}3:${colL(COLS.deduction)}${last})`,
      result: sumOf(COLS.deduction),
    };
    ws.getCell(row, COLS.score).value =
      unit.typedTotal !== undefined
        ? unit.typedTotal
        : { formula: `SUM(${colL(COLS.score)}3:${colL(COLS.score)}${last})`, result: sumOf(COLS.score) };
    if (unit.typedTotal === 0) ws.getCell(row, COLS.reason).value = '计划外生育一票否决，总分记0分';
  }
  styleCells(ws, 2, row, 1, 9);
  for (const h of layout.headerRows)
    for (let c = 1; c <= 9; c++) ws.getCell(h, c).font = { name: FONT, size: 10, bold: true };
  ws.getCell(row, 1).font = { name: FONT, size: 10, bold: true };
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '2:2',
  };
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  return layout;
}

const INSTRUCTIONS = [
  '填表说明',
  '1. 每个社区一张工作表，按《2014年彩屯街道社区管理人口计生工作绩效考核细则》逐项考核。',
  '2. “扣分”栏填写扣除的分数（数字，如 0.5），未扣分的可不填；“得分”栏填写本项得分。',
  '3. 有扣分的项目须在“扣分原因”栏写明原因。',
  '4. 发生计划外生育的，在“计划外一票否决”一行扣分栏填本项分值，扣分原因注明“一票否决”，合计记0分。',
  '5. 考核组：彩屯街道人口计生办。',
];

function writeInstructions(ws: ExcelJS.Worksheet): void {
  ws.getColumn(1).width = 100;
  INSTRUCTIONS.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.font = { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 };
    c.alignment = { wrapText: true };
  });
}

// ------------------------------------------------------------------------------------ other office

interface OtherItem {
  name: string;
  focus: string;
  points: number;
  criteria: string;
  method: string;
}
interface OtherGroup {
  label: string;
  items: OtherItem[];
}

const OTHER_TITLE = '2023年度社区安全生产工作考核评分表';

const OTHER: OtherGroup[] = [
  {
    label: '一、组织领导（20分）',
    items: [
      {
        name: '1.责任体系',
        focus: '成立社区安全生产工作领导小组，明确分工，与辖区单位签订安全生产责任书。',
        points: 5,
        criteria: '未成立领导小组的扣2分；每缺一份责任书扣0.5分，最多扣3分。',
        method: '查阅资料',
      },
      {
        name: '2.工作会议',
        focus: '每季度召开安全生产专题会议不少于1次，有记录。',
        points: 5,
        criteria: '每少一次扣1分，扣分不超过4分。',
        method: '查阅会议记录',
      },
      {
        name: '3.制度建设',
        focus: '建立隐患排查、值班值守、应急处置等工作制度并上墙公示。',
        points: 10,
        criteria: '每缺一项制度扣1分，最多扣3分；制度未上墙公示的酌情扣分。',
        method: '查阅资料、现场查看',
      },
    ],
  },
  {
    label: '二、隐患排查治理（40分）',
    items: [
      {
        name: '4.隐患排查',
        focus: '每月对辖区“九小场所”开展隐患排查不少于2次，建立排查台账。',
        points: 15,
        criteria: '每少一次排查扣1分；台账不全的每处扣0.5分，扣完为止。',
        method: '查阅台账、现场抽查',
      },
      {
        name: '5.整改落实',
        focus: '发现隐患及时督促整改，整改率达到100%。',
        points: 15,
        criteria: '整改率每低1%扣0.5分，扣完为止。',
        method: '抽查整改记录',
      },
      {
        name: '6.消防安全',
        focus: '居民楼院消防器材配备齐全、完好有效，消防通道畅通。',
        points: 10,
        criteria: '每发现一处器材失效或通道堵塞扣1分，最多扣5分。',
        method: '现场抽查',
      },
    ],
  },
  {
    label: '三、宣传培训（25分）',
    items: [
      {
        name: '7.宣传活动',
        focus: '开展“安全生产月”、消防宣传日等宣传活动，全年不少于4次。',
        points: 10,
        criteria: '每少一次扣2分。',
        method: '查阅活动记录、图片',
      },
      {
        name: '8.应急演练',
        focus: '组织居民、网格员开展应急疏散演练，每年不少于2次。',
        points: 10,
        criteria: '每少一次扣3分，扣完为止。',
        method: '查阅演练方案、记录',
      },
      {
        name: '9.信息报送',
        focus: '按时报送安全生产信息和各类报表。',
        points: 5,
        criteria: '迟报一次扣0.5分，漏报一次扣1分。',
        method: '根据平时工作评定',
      },
    ],
  },
  {
    label: '四、事故控制（15分）',
    items: [
      {
        name: '10.事故控制',
        focus: '辖区内未发生一般及以上生产安全责任事故。',
        points: 15,
        criteria: '发生一般及以上生产安全责任事故的，实行一票否决。',
        method: '查阅事故报告',
      },
    ],
  },
  {
    label: '五、加分项（最高加2分）',
    items: [
      {
        name: '11.工作创新',
        focus: '安全生产工作经验做法被区级以上推广。',
        points: 0,
        criteria: '被区级推广的加1分，市级以上推广的加2分，最高加2分。',
        method: '查阅推广文件',
      },
    ],
  },
];

const OTHER_HEADER = ['一级指标', '二级指标', '考核要点', '分值', '评分细则', '考核方法', '得分', '备注'];
const OTHER_HEADER_TRAD = [
  '一級指標',
  '二級指標',
  '考核要點',
  '分值',
  '評 分 標 準',
  '考核方法',
  '得分',
  '備註',
];

/** Simplified → traditional (Taiwan standard), for the traditional-character variant sheet. */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface OtherLayout {
  itemRow: number[];
  totalRow: number;
}

/**
 * The other office's rubric: the table starts at B3 under a title in B1 and a unit line in B2; group
 * header rows ("一、组织领导（20分）") instead of merged category cells; 得分 typed directly, no 扣分
 * column; 备注 for the reasons; a 总分 row.
 */
function writeOther(
  ws: ExcelJS.Worksheet,
  opts: { traditional: boolean; unit: string; scores: (number | null)[]; notes: (string | null)[] },
): OtherLayout {
  const tr = (s: string) => (opts.traditional ? toTraditional(s) : s);
  const widths = [3, 18, 14, 36, 7, 36, 16, 7, 20];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.mergeCells('B1:I1');
  ws.getCell('B1').value = tr(OTHER_TITLE);
  ws.getCell('B1').font = { name: FONT, size: 16, bold: true };
  ws.getCell('B1').alignment = { horizontal: 'center' };
  ws.mergeCells('B2:I2');
  ws.getCell('B2').value = tr(`被考核单位：${opts.unit}        考核时间：2023年12月`);
  ws.getCell('B2').font = { name: FONT, size: 11 };
  const header = opts.traditional ? OTHER_HEADER_TRAD : OTHER_HEADER;
  header.forEach((h, i) => {
    const c = ws.getCell(3, i + 2);
    c.value = h;
    c.font = { name: FONT, size: 11, bold: true };
  });
  let row = 4;
  const itemRow: number[] = [];
  let n = 0;
  for (const g of OTHER) {
    ws.mergeCells(row, 2, row, 9);
    const gc = ws.getCell(row, 2);
    gc.value = tr(g.label);
    gc.font = { name: FONT, size: 11, bold: true };
    row++;
    for (const item of g.items) {
      ws.getCell(row, 3).value = tr(item.name);
      ws.getCell(row, 4).value = tr(item.focus);
      ws.getCell(row, 5).value = item.points;
      ws.getCell(row, 6).value = tr(item.criteria);
      ws.getCell(row, 7).value = tr(item.method);
      ws.getCell(row, 8).value = opts.scores[n] ?? null;
      ws.getCell(row, 9).value = opts.notes[n] ? tr(opts.notes[n]!) : null;
      itemRow.push(row);
      n++;
      row++;
    }
  }
  ws.getCell(row, 2).value = tr('总分');
  ws.getCell(row, 5).value = { formula: `SUM(E5:E${row - 1})`, result: 100 };
  const sum = opts.scores.reduce<number>((a, s) => a + Math.round((s ?? 0) * 100), 0) / 100;
  ws.getCell(row, 8).value = { formula: `SUM(H5:H${row - 1})`, result: sum };
  for (let r = 3; r <= row; r++) {
    for (let c = 2; c <= 9; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      if (!cell.font?.bold) cell.font = { name: FONT, size: 10 };
    }
  }
  return { itemRow, totalRow: row };
}

// ------------------------------------------------------------------------------------------- main

interface PlantedRecord {
  file: string;
  sheet: string;
  cell: string;
  code: IssueCode;
  note: string;
  /** Set while the checker is known not to report this mistake yet: why. */
  pending?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');

/** DOS date and time of FIXED_DATE, as zip headers store them. */
const DOS_TIME = 0;
const DOS_DATE =
  ((FIXED_DATE.getUTCFullYear() - 1980) << 9) |
  ((FIXED_DATE.getUTCMonth() + 1) << 5) |
  FIXED_DATE.getUTCDate();

/**
 * Set every entry's modification time in a zip to FIXED_DATE, so that writing the samples twice gives
 * the same bytes (the zip library stamps entries with the clock).
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count && view.getUint32(p, true) === 0x02014b50; n++) {
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, DOS_TIME, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const buf = await wb.xlsx.writeBuffer();
  await writeFile(file, fixZipTimes(new Uint8Array(buf as ArrayBuffer)));
}

/** Expected rubric-integrity findings of the seed rubric on a sheet laid out by writeRubric. */
function seedFaults(layout: Layout): { cell: string; code: IssueCode; note: string }[] {
  const catRow = layout.categoryRow.get(1)!;
  const gapRow = layout.itemRow.get('1.4.3')!;
  return [
    { cell: `A${catRow}`, code: 'pointsSumMismatch', note: '(二) declares 35 points, its items sum to 30' },
    { cell: 'D2', code: 'declaredTotalMismatch', note: 'header declares 100 points, the items sum to 95' },
    {
      cell: `C${gapRow}`,
      code: 'numberingGap',
      note: 'section 4 of (一) numbers (1),(2),(4): (3) is missing',
    },
  ];
}

/**
 * Write every sample under `outDir` (default samples/ of the repository).
 * @example await makeSamples('/tmp/samples')
 */
export async function makeSamples(outDir = join(ROOT, 'samples')): Promise<void> {
  const rel = (f: string) => relative(outDir, f).split('\\').join('/');
  const mistakes: PlantedRecord[] = [];
  const rubricFaults: PlantedRecord[] = [];
  const cleanSheets: { file: string; sheet: string }[] = [];
  const skippedSheets: { file: string; sheet: string }[] = [];

  // The template.
  {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('考核细则');
    const layout = writeRubric(ws, null);
    const file = join(outDir, 'rubric-template.xlsx');
    await save(wb, file);
    for (const f of seedFaults(layout)) rubricFaults.push({ file: rel(file), sheet: ws.name, ...f });
  }

  // All communities in one workbook, and one workbook per unit.
  const record = (file: string, sheet: string, unit: UnitData, layout: Layout) => {
    for (const p of unit.plants) {
      const row = layout.itemRow.get(p.key);
      if (row === undefined) throw new Error(`no item ${p.key}`);
      mistakes.push({
        file: rel(file),
        sheet,
        cell: a1(row - 1, (p.column === 'deduction' ? COLS.deduction : COLS.score) - 1),
        code: p.code,
        note: p.note,
      });
    }
    if (unit.typedTotal !== undefined && unit.typedTotal !== 0) {
      mistakes.push({
        file: rel(file),
        sheet,
        cell: a1(layout.totalRow - 1, COLS.score - 1),
        code: 'totalMismatch',
        note: `合计 typed over as ${unit.typedTotal}`,
      });
    }
    if (unit.plants.length === 0 && unit.typedTotal === undefined)
      cleanSheets.push({ file: rel(file), sheet });
    for (const f of seedFaults(layout)) rubricFaults.push({ file: rel(file), sheet, ...f });
  };
  {
    const wb = newWorkbook();
    writeInstructions(wb.addWorksheet('说明'));
    const file = join(outDir, 'communities.xlsx');
    const layouts = UNITS.map((u) => ({ u, layout: writeRubric(wb.addWorksheet(u.name), u) }));
    await save(wb, file);
    skippedSheets.push({ file: rel(file), sheet: '说明' });
    for (const { u, layout } of layouts) record(file, u.name, u, layout);
  }
  for (const u of UNITS) {
    const wb = newWorkbook();
    const layout = writeRubric(wb.addWorksheet(u.name), u);
    const file = join(outDir, 'units', `${u.name}.xlsx`);
    await save(wb, file);
    record(file, u.name, u, layout);
  }

  // Another office's rubric: one clean sheet, one traditional-character sheet with two planted mistakes.
  {
    const wb = newWorkbook();
    wb.creator = '街道安全生产办公室';
    const file = join(outDir, 'other-office.xlsx');
    writeOther(wb.addWorksheet('安全生产考核'), {
      traditional: false,
      unit: '东风社区',
      scores: [5, 4, 9, 14.5, 15, 10, 8, 10, 4.5, 15, 1],
      notes: [
        null,
        '第三季度未召开专题会议',
        '制度未上墙公示',
        '台账缺1处',
        null,
        null,
        '少一次宣传活动',
        null,
        '迟报一次',
        null,
        '经验被区级推广',
      ],
    });
    const trad = writeOther(wb.addWorksheet('安全生產考核(繁體)'), {
      traditional: true,
      unit: '鐵西社區',
      scores: [6, 5, 10, 15, 15, 10, 10, 10, 5, 15, 3],
      notes: [null, null, null, null, null, null, null, null, null, null, '经验被市级推广'],
    });
    await save(wb, file);
    cleanSheets.push({ file: rel(file), sheet: '安全生产考核' });
    mistakes.push({
      file: rel(file),
      sheet: '安全生產考核(繁體)',
      cell: `H${trad.itemRow[0]}`,
      code: 'scoreAbovePoints',
      note: '得分 6 on a 5-point item',
    });
    mistakes.push({
      file: rel(file),
      sheet: '安全生產考核(繁體)',
      cell: `H${trad.itemRow[10]}`,
      code: 'bonusAboveMax',
      note: '加分 3 where the rubric allows at most 2 (最高加2分)',
    });
  }

  const planted = {
    description:
      "Mistakes planted in the sample workbooks, each with the issue code the checker must report at that cell; the seed rubric's own faults, expected on every sheet that carries it; sheets with no planted entry mistake; sheets that are not rubrics.",
    vetoConvention:
      "计划外一票否决 is recorded as 扣分 = the item's points, 得分 = 0, and a 扣分原因 saying 一票否决; the sheet's 合计 is written as 0.",
    mistakes,
    rubricFaults,
    cleanSheets,
    skippedSheets,
  };
  await writeFile(join(outDir, 'planted.json'), `${JSON.stringify(planted, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await makeSamples(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
