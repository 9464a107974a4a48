/**
 * .xlsx packages written part by part, as other producers write them: the XML of each part is given
 * by the test, so a fixture can hold what ExcelJS never writes (inline strings, strict namespaces, no
 * dimension, cells out of order, rows without addresses).
 */
import { strToU8, zipSync } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface FixtureSheet {
  name: string;
  /** The whole worksheet part, or only what goes inside `<worksheet>` (then wrapped). */
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** `<Relationship>` elements of the sheet's own relationships part. */
  rels?: string;
}

export interface Fixture {
  sheets: FixtureSheet[];
  /** Shared string items (`<si>` contents). */
  strings?: string[];
  /** The whole styles part. */
  styles?: string;
  strict?: boolean;
  /** Extra parts, by name (bytes or text), with content types as Overrides. */
  extra?: Record<string, { data: string | Uint8Array; type?: string }>;
  /** Text inside `<workbook>` after `<sheets>` (defined names, calcPr …). */
  workbookTail?: string;
  /** Text inside `<workbook>` before `<sheets>` (workbookPr, workbookProtection …). */
  workbookHead?: string;
  /** More `<Relationship>` elements of the package and of the workbook part. */
  rootRels?: string;
  workbookRels?: string;
  /** More `<Default>` content types. */
  defaults?: string;
  /** The workbook part's content type (a macro-enabled one for .xlsm). */
  mainType?: string;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The package's bytes. */
export function buildPackage(fx: Fixture): Uint8Array {
  const main = fx.strict ? STRICT_MAIN : MAIN;
  const rel = fx.strict ? STRICT_REL : REL;
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  fx.sheets.forEach((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const xml =
      s.xml.trimStart().startsWith('<?xml') || s.xml.includes('<worksheet')
        ? s.xml
        : `${XML_DECL}<worksheet xmlns="${main}" xmlns:r="${rel}">${s.xml}</worksheet>`;
    files[part] = strToU8(xml);
    if (s.rels)
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(
        `${XML_DECL}<Relationships xmlns="${PKG_REL}">${s.rels}</Relationships>`,
      );
    overrides.push(`<Override PartName="/${part}" ContentType="${CT}.worksheet+xml"/>`);
    wbRels.push(
      `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    sheetEls.push(
      `<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    );
  });
  let n = fx.sheets.length;
  if (fx.strings) {
    n++;
    files['xl/sharedStrings.xml'] = strToU8(
      `${XML_DECL}<sst xmlns="${main}" count="${fx.strings.length}" uniqueCount="${fx.strings.length}">${fx.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`,
    );
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`);
    wbRels.push(`<Relationship Id="rId${n}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (fx.styles) {
    n++;
    files['xl/styles.xml'] = strToU8(fx.styles);
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`);
    wbRels.push(`<Relationship Id="rId${n}" Type="${rel}/styles" Target="styles.xml"/>`);
  }
  for (const [name, x] of Object.entries(fx.extra ?? {})) {
    files[name] = typeof x.data === 'string' ? strToU8(x.data) : x.data;
    if (x.type) overrides.push(`<Override PartName="/${name}" ContentType="${x.type}"/>`);
  }
  files['xl/workbook.xml'] = strToU8(
    `${XML_DECL}<workbook xmlns="${main}" xmlns:r="${rel}">${fx.workbookHead ?? ''}<sheets>${sheetEls.join('')}</sheets>${fx.workbookTail ?? ''}</workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">${wbRels.join('')}${fx.workbookRels ?? ''}</Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/>${fx.rootRels ?? ''}</Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${fx.defaults ?? ''}<Override PartName="/xl/workbook.xml" ContentType="${fx.mainType ?? `${CT}.sheet.main+xml`}"/>${overrides.join('')}</Types>`,
  );
  // [Content_Types].xml first, as producers write it.
  const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': files['[Content_Types].xml']! };
  for (const [k, v] of Object.entries(files)) if (k !== '[Content_Types].xml') ordered[k] = v;
  return zipSync(ordered, { level: 6, mtime: new Date(2020, 0, 1) });
}

/** A styles part whose cell formats are the given number formats (custom ones from id 164). */
export function stylesWith(numFmtIds: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(
      ([id, code]) =>
        `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`,
    )
    .join('');
  return `${XML_DECL}<styleSheet xmlns="${MAIN}">${fmts ? `<numFmts count="${Object.keys(custom).length}">${fmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${numFmtIds.length}">${numFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs></styleSheet>`;
}
