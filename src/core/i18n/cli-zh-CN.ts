/**
 * 命令行工具的文字（中文）：文件读写失败、输出路径、无法处理的情况。每条说明发现了什么、该怎么做；
 * 从不显示系统或程序自己的错误文字。
 */
/** Findings of a sheet, by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** What the check report's last line sums up. */
export interface CheckTotals {
  files: number;
  sheets: number;
  errors: number;
  warnings: number;
}

export const cliZhCN = {
  /** Between the names of a list. */
  listSeparator: '、',
  /** The file name an example output path ends in. */
  exampleOutput: '结果.xlsx',
  /** A file-system error code met while writing file f (d its folder; example a file in f, when f is a folder). */
  write: {
    ENOENT: (f: string, d: string) =>
      `无法写入 ${f}：文件夹 ${d} 不存在。请先建立这个文件夹，或换一个输出路径。`,
    ENOTDIR: (f: string, d: string) => `无法写入 ${f}：路径 ${d} 中有一段不是文件夹。请检查输出路径。`,
    EACCES: (f: string, d: string) =>
      `无法写入 ${f}：没有在文件夹 ${d} 中写入的权限（或该文件是只读的）。请换一个输出位置，或请管理员开放权限。`,
    EISDIR: (f: string, _d: string, example: string) =>
      `无法写入 ${f}：这是一个文件夹。请在 -o 后给出文件名，例如 ${example}。`,
    ENOSPC: (f: string) =>
      `无法写入 ${f}：磁盘空间不足。已有的 ${f}（如有）保持原样，未留下不完整的文件。请腾出空间或换一个磁盘后重试。`,
    EFBIG: (f: string) =>
      `无法写入 ${f}：文件超过了系统允许的大小。已有的 ${f}（如有）保持原样，未留下不完整的文件。请换一个磁盘或放宽大小限制后重试。`,
    EROFS: (f: string) => `无法写入 ${f}：这个磁盘是只读的。请换一个输出位置。`,
    ENAMETOOLONG: (f: string) => `无法写入 ${f}：文件名或路径太长。请换一个较短的输出路径。`,
    other: (f: string) =>
      `无法写入 ${f}：系统拒绝了写入。已有的 ${f}（如有）保持原样。请检查磁盘和输出路径后重试。`,
  },
  /** A file-system error code met while reading f. */
  read: {
    ENOENT: (f: string) => `找不到文件 ${f}。请检查路径是否正确。`,
    ENOTDIR: (f: string) => `找不到文件 ${f}：路径中有一段不是文件夹。请检查路径是否正确。`,
    EACCES: (f: string) => `没有读取 ${f} 的权限。请检查文件权限，或把文件复制到你有权限的位置后重试。`,
    EISDIR: (f: string) => `${f} 是文件夹，不是文件。请给出一个 .xlsx 文件。`,
    ELOOP: (f: string) => `${f} 是循环的符号链接（链接最终指回自己），已跳过。请删除或修正这个链接。`,
    ECYCLE: (f: string) => `${f} 是指回其上级文件夹的链接，已跳过（其中的文件只检查一次）。`,
    ENAMETOOLONG: (f: string) => `无法读取 ${f}：文件名或路径太长。请把文件移到较短的路径下。`,
    other: (f: string) => `无法读取 ${f}：系统拒绝了读取。请检查文件和磁盘后重试。`,
  },
  /** An output path refused before anything is written. */
  output: {
    exists: (f: string) =>
      `输出文件 ${f} 已存在；为免覆盖其中的内容，未写入任何内容。如确要用新结果替换它，请加 --force；或换一个输出文件名。`,
    badExtension: (f: string, allowed: string, example: string) =>
      `输出文件 ${f} 的扩展名不对：请以 ${allowed} 结尾，例如 ${example}。未写入任何内容。`,
    kindMismatch: (ext: string, kind: 'xlsx' | 'xlsm') =>
      kind === 'xlsx'
        ? `输出将是不含宏的普通工作簿，不能用扩展名 ${ext} 保存（Excel 会拒绝打开）。请把输出文件名的扩展名改为 .xlsx。未写入任何内容。`
        : `输出是启用宏的工作簿，不能用扩展名 ${ext} 保存（Excel 会拒绝打开）。请把输出文件名的扩展名改为 .xlsm。未写入任何内容。`,
  },
  /** --lang given something else (said in both languages: the language is not known yet). */
  badLang: (v: string) => `--lang 只接受 zh 或 en（收到“${v}”）`,
  /** An input path that does not exist. */
  notFound: (path: string) => `找不到“${path}”`,
  /** No .xlsx file among the inputs. */
  noXlsx: (_inputs: string) => '没有找到 .xlsx 文件',
  /** The words for a finding's severity in the plain report. */
  severity: { error: '错误', warning: '警告', info: '提示' },
  /** The check command's report. */
  check: {
    corrupt: (f: string) =>
      `无法读取 ${f}：文件已损坏、不完整，或含有本工具读不懂的内容。请用 Excel 打开并另存为 .xlsx 后重试，或向发送者索取原文件。`,
    unexpected: (f: string) =>
      `无法处理 ${f}：其中有本工具无法处理的内容，这个文件未检查（其他文件不受影响）。请用 Excel 打开并另存为 .xlsx 后重试；如仍不行，请在加载项中检查它。`,
    sheetFailed: (s: string) =>
      `工作表「${s}」中有本工具无法处理的内容，这张表未检查；其余工作表已检查。请在 Excel 中把这张表的内容复制到一张新工作表后重试。`,
    hidden:
      '这是一张隐藏的工作表，已照常检查。打开工作簿时看不到它：如需查看，请在 Excel 中右击工作表标签 →“取消隐藏”；如不应提交，请删除它。',
    veryHidden:
      '这是一张深度隐藏（very hidden）的工作表，已照常检查。Excel 的“取消隐藏”中看不到它：如需查看，请在 VBA 编辑器中把它的 Visible 属性改为 -1 (xlSheetVisible)；如不应提交，请删除它。',
    rubricShared: '  评分细则本身的问题（以下各表相同）：',
    hiddenMark: { hidden: '（隐藏）', veryHidden: '（深度隐藏）' },
    sheetLine: (s: string, total: number, max: number, veto: boolean, c: SeverityCounts, unpointed: number) =>
      `  工作表「${s}」：得分 ${total} / ${max}${unpointed > 0 ? `（另有 ${unpointed} 项没有分值，满分未定）` : ''}${veto ? '（一票否决）' : ''}，错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`,
    skippedLine: (s: string, m: string) => `  · 工作表「${s}」: ${m}`,
    total: (t: CheckTotals, ready: boolean) =>
      `共 ${t.files} 个文件、${t.sheets} 张评分表：错误 ${t.errors} 个，警告 ${t.warnings} 个。${ready ? '可以提交。' : t.errors > 0 ? '请改正错误后再提交。' : t.sheets === 0 ? '没有找到可检查的评分表。' : '有评分表未检查，请看上面的说明。'}`,
  },
  /** The fill command's messages; names and cell text come in already on one line. */
  fill: {
    sameFile: (f: string) => `输出文件 ${f} 就是输入文件；fill 从不覆盖输入，请换一个输出文件名。`,
    noRubric: (f: string) => `${f} 中没有找到评分表，未写入任何内容。`,
    hiddenRubric: (s: string) =>
      `工作表「${s}」是隐藏的评分表，不写入。如需写入，请在 Excel 中取消隐藏后重试。`,
    conflicts: (n: number) =>
      `有 ${n} 个单元格已有内容，而本工具需要在那里写入公式；为免覆盖，未写入任何内容：`,
    conflictValidation: (sheet: string, cell: string) =>
      `  ${sheet}!${cell}：已有您自己设置的数据验证（输入限制），写入会换成本工具的输入限制`,
    conflictValue: (sheet: string, cell: string, existing: string, planned: string) =>
      `  ${sheet}!${cell}：现有“${existing}”，计划写入 ${planned}`,
    conflictHint:
      '请清空或移走这些单元格中的内容后重试；或加 --overwrite 用公式覆盖它们（原内容不保留，输入文件不变）；也可在加载项中确认覆盖。',
    protected: (sheets: string[]) =>
      `工作表${sheets.map((s) => `「${s}」`).join('、')}受保护，本工具不会写入受保护的工作表；未写入任何内容。请在 Excel 中“审阅 → 撤销工作表保护”后重试。`,
    warnings: '写入前请注意：',
    /** A warning before writing; at is where (Sheet!A1, or the sheet). */
    warnEntryNotNumber: (at: string, text: string) =>
      `  ${at}：填的是“${text}”，不是数字。写入后这一项的得分处会提示改正，合计在改正前不显示总分。请改为数字。`,
    warnColumnHidden: (sheet: string, col: string) =>
      `  工作表「${sheet}」的 ${col} 列是隐藏的；写入时会取消隐藏，以便看到写入的数字。`,
    warnEntriesCarried: (at: string, value: string) =>
      `  ${at}：录入列已关闭，录入列算出的扣分 ${value} 作为数字保留在这里。`,
    warnVetoHelper: (sheet: string, count: string, col: string) =>
      `  工作表「${sheet}」有 ${count} 个一票否决项，多于一个公式能列出的数量；它们的判断写在 ${col} 列的辅助单元格中。`,
    warnOther: (at: string, code: string) => `  ${at}：${code}`,
    blocked: '因此未写入任何内容。',
    overwritten: (n: number) => `已按 --overwrite 覆盖 ${n} 个原有内容的单元格。`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  工作表「${s}」：公式 ${f} 个，输入校验 ${v} 处${e > 0 ? `，录入列 ${e} 列` : ''}`,
    wrote: (f: string) => `已写入 ${f}。`,
    nothingLost: '输入文件的其余内容均已保留，原样未动。',
    skipped: (n: number) => `有 ${n} 个图表操作未执行（.xlsx 写入程序不能绘制图表）。`,
    cellsChanged: (f: string) => `${f} 在读取之后被改动了；未写入任何内容。请关闭正在编辑它的程序后重试。`,
    cannotApply: (f: string) =>
      `无法把公式写入 ${f} 的副本：工作簿中有本工具无法处理的内容。未写入任何内容。请用 Excel 打开并另存为 .xlsx 后重试；如仍不行，请在加载项中写入。`,
  },
  /** The summary command's messages; a unit's name comes in already on one line. */
  summary: {
    noInputs: '没有找到要汇总的 .xlsx 文件。',
    overInput: (f: string) => `输出文件 ${f} 是输入文件之一，不会覆盖输入。请换一个输出文件名。`,
    cannotWrite: (f: string) =>
      `无法写入 ${f}：写入时出错，已有的同名文件（如有）未被改动。请检查磁盘空间和文件夹权限后重试。`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}：总分 ${t}${r === null ? '（未排名）' : `，第 ${r} 名`}`,
    wrote: (f: string, n: number) => `已写入 ${f}（${n} 个单位）。`,
    rosterEmpty: (f: string) => `名单 ${f} 中没有找到单位名称（每行一个单位名称，或 .xlsx 的一列）。`,
    rosterUnreadable: (f: string) =>
      `无法读取名单 ${f}：它不是可读的名单文件。名单应为每行一个单位名称的文本文件，或一列单位名称的 .xlsx 工作簿。`,
    rosterSheetMissing: (f: string, sh: string) => `名单 ${f} 中没有工作表“${sh}”。`,
    missing: (n: number, names: string) => `未交单位 ${n} 个：${names}`,
    spread: (over: number, items: number, units: number, t: number) =>
      over > 0
        ? `${units} 个单位有几位考核人评分：${items} 项中有 ${over} 项的考核人评分差距超过 ${t} 分，已在“评分差异”表中标出，请复核。`
        : `${units} 个单位有几位考核人评分：${items} 项的考核人评分差距都不超过 ${t} 分（见“评分差异”表）。`,
  },
  /** A failure the product cannot name, on the inputs named. */
  unexpected: (files: string) =>
    `处理${files ? ` ${files} ` : ''}时出现了本工具无法处理的情况，已停止，未写入任何内容。请检查输入文件（用 Excel 打开并另存为 .xlsx）后重试；如仍不行，请把命令和文件发给维护者。`,
};

/** The shape every language's CLI catalogue has. */
export type CliCatalogue = typeof cliZhCN;
