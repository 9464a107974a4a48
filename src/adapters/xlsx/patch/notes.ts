/**
 * Notes (Excel's "批注" in the classic form): a comments part with the text and a VML drawing with the
 * shape Excel shows. An existing comments part and drawing are extended (their other notes, shapes and
 * form controls are kept as they are); a sheet without them gets new ones.
 */
import type { Package } from './package';
import { attr, children, decode, localName, ooxmlText, root, Splicer, tags } from './xml';

export interface Note {
  row: number;
  col: number;
  text: string;
}

const AUTHOR = 'Rubric Scorer';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, n: Note): string {
  const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`;
}

function commentXml(ref: string, author: number, text: string): string {
  return `<comment ref="${ref}" authorId="${author}"><text><t xml:space="preserve">${ooxmlText(text)}</t></text></comment>`;
}

/** The largest shape number and drawing id used by any VML drawing of the package. */
function vmlIds(pkg: Package): { shape: number; idmap: number } {
  let shapeId = 1024;
  let idmap = 0;
  for (const p of pkg.parts) {
    if (!p.endsWith('.vml')) continue;
    const t = pkg.text(p);
    for (const m of t.matchAll(/_x0000_s(\d+)/g)) shapeId = Math.max(shapeId, Number(m[1]));
    for (const m of t.matchAll(/<o:idmap[^>]*data="([\d,\s]+)"/g))
      for (const d of m[1]!.split(/[,\s]+/)) if (d) idmap = Math.max(idmap, Number(d));
  }
  return { shape: shapeId, idmap };
}

/**
 * Write the notes of one sheet into its comments part and VML drawing, creating what is missing.
 * Returns the relationship id the sheet must name in `<legacyDrawing>` when it has none yet.
 */
export function writeNotes(
  pkg: Package,
  sheetPart: string,
  sheetXml: string,
  notes: readonly Note[],
  refOf: (row: number, col: number) => string,
): { legacyDrawing?: string } {
  if (notes.length === 0) return {};
  const rels = pkg.rels(sheetPart);
  let commentsPart = rels.find((r) => r.type.endsWith('/comments'))?.part ?? null;
  const legacyId = /<(?:\w+:)?legacyDrawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];
  let vmlPart = legacyId ? (rels.find((r) => r.id === legacyId)?.part ?? null) : null;
  const out: { legacyDrawing?: string } = {};

  // ---- comments
  if (!commentsPart || !pkg.has(commentsPart)) {
    let n = 1;
    while (pkg.has(`xl/comments${n}.xml`)) n++;
    commentsPart = `xl/comments${n}.xml`;
    pkg.setText(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${pkg.ns.main}"><authors><author>${AUTHOR}</author></authors><commentList></commentList></comments>`,
    );
    pkg.addOverride(commentsPart, COMMENTS_TYPE);
    pkg.addRel(sheetPart, pkg.relType('comments'), commentsPart);
  }
  const cx = pkg.text(commentsPart);
  const croot = root(cx);
  const kids = children(cx, croot);
  const authorsEl = kids.find((k) => localName(k.name) === 'authors');
  const listEl = kids.find((k) => localName(k.name) === 'commentList');
  const authors = authorsEl
    ? children(cx, authorsEl).map((a) => decode(cx.slice(a.openEnd, a.closeStart)))
    : [];
  const sp = new Splicer(cx);
  let author = authors.indexOf(AUTHOR);
  if (author < 0) {
    author = authors.length;
    if (authorsEl && authorsEl.closeStart !== authorsEl.openEnd)
      sp.insert(authorsEl.closeStart, `<author>${AUTHOR}</author>`);
    else if (authorsEl)
      sp.replace(authorsEl.start, authorsEl.end, `<authors><author>${AUTHOR}</author></authors>`);
    else sp.insert(croot.openEnd, `<authors><author>${AUTHOR}</author></authors>`);
  }
  const existing = new Map<string, { start: number; end: number; xml: string }>();
  if (listEl)
    for (const c of children(cx, listEl)) {
      const ref = attr(c.attrs, 'ref');
      if (ref) existing.set(ref.toUpperCase(), { start: c.start, end: c.end, xml: cx.slice(c.start, c.end) });
    }
  const appended: string[] = [];
  const fresh: Note[] = [];
  for (const n of notes) {
    const ref = refOf(n.row, n.col);
    const old = existing.get(ref);
    if (old) {
      // The note of a cell the product owns: its text is replaced, its author and shape kept.
      const a = Number(/authorId="(\d+)"/.exec(old.xml)?.[1] ?? author);
      const xml = commentXml(ref, a, n.text);
      if (xml !== old.xml) sp.replace(old.start, old.end, xml);
    } else {
      appended.push(commentXml(ref, author, n.text));
      fresh.push(n);
    }
  }
  if (appended.length > 0) {
    if (listEl && listEl.closeStart !== listEl.openEnd) sp.insert(listEl.closeStart, appended.join(''));
    else if (listEl) sp.replace(listEl.start, listEl.end, `<commentList>${appended.join('')}</commentList>`);
    else sp.insert(croot.closeStart, `<commentList>${appended.join('')}</commentList>`);
  }
  pkg.setText(commentsPart, sp.toString());

  // ---- shapes
  if (fresh.length === 0 && vmlPart) return out;
  const ids = vmlIds(pkg);
  if (!vmlPart || !pkg.has(vmlPart)) {
    let n = 1;
    while (pkg.has(`xl/drawings/vmlDrawing${n}.vml`)) n++;
    vmlPart = `xl/drawings/vmlDrawing${n}.vml`;
    const data = ids.idmap + 1;
    const first = Math.max(ids.shape, data * 1024);
    pkg.setText(
      vmlPart,
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>${SHAPETYPE}${notes.map((n, i) => shape(first + 1 + i, n)).join('')}</xml>`,
    );
    pkg.addDefault('vml', VML_TYPE);
    if (!legacyId) out.legacyDrawing = pkg.addRel(sheetPart, pkg.relType('vmlDrawing'), vmlPart);
    return out;
  }
  const vx = pkg.text(vmlPart);
  const have = new Set<string>();
  for (const m of vx.matchAll(/<x:ClientData\s+ObjectType="Note"[\s\S]*?<\/x:ClientData>/g)) {
    const r = /<x:Row>(\d+)<\/x:Row>/.exec(m[0])?.[1];
    const c = /<x:Column>(\d+)<\/x:Column>/.exec(m[0])?.[1];
    if (r !== undefined && c !== undefined) have.add(`${r},${c}`);
  }
  const add = notes.filter((n) => !have.has(`${n.row},${n.col}`));
  if (add.length === 0) return out;
  const vsp = new Splicer(vx);
  let close = -1;
  for (const t of tags(vx)) if (t.kind === 'close') close = t.start;
  const typeText = vx.includes('_x0000_t202') ? '' : SHAPETYPE;
  vsp.insert(
    close < 0 ? vx.length : close,
    typeText + add.map((n, i) => shape(ids.shape + 1 + i, n)).join(''),
  );
  pkg.setText(vmlPart, vsp.toString());
  return out;
}
