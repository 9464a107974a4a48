/**
 * Just enough XML to edit a part in place: tags found with their exact offsets, so that an edit
 * replaces the bytes of the elements it owns and every other byte of the part is copied as it was.
 * A parser that builds a tree and serialises it again (xmldom, fast-xml-parser) would rewrite quoting,
 * namespace declarations, entity forms and whitespace everywhere; that is exactly what the patch
 * writer must not do. Parts are produced by spreadsheet programs (no DTDs, no external entities).
 */

/** One tag: `<name …>`, `</name>` or `<name …/>`, at [start, end) of the text. */
export interface Tag {
  kind: 'open' | 'close' | 'self';
  name: string;
  start: number;
  end: number;
  /** The attribute text between the name and the closing `>` or `/>`. */
  attrs: string;
}

const TAG_SOURCE =
  /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>|![A-Za-z][^>]*>|(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>)/g;

/** Every tag from `from` to `to` (comments, CDATA, declarations and processing instructions skipped). */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const TAG = new RegExp(TAG_SOURCE);
  TAG.lastIndex = from;
  for (;;) {
    const m = TAG.exec(xml);
    if (!m || m.index >= to) return;
    const next = TAG.lastIndex;
    if (m[2] !== undefined) {
      const attrs = m[3] ?? '';
      const self = attrs.endsWith('/');
      const tag: Tag = {
        kind: m[1] ? 'close' : self ? 'self' : 'open',
        name: m[2],
        start: m.index,
        end: next,
        attrs: self ? attrs.slice(0, -1) : attrs,
      };
      yield tag;
    }
  }
}

/** An element: its open tag and, unless self-closed, where its content and close tag are. */
export interface Element {
  name: string;
  start: number;
  /** End of the open tag. */
  openEnd: number;
  /** Start of the close tag (= openEnd for a self-closed element). */
  closeStart: number;
  end: number;
  attrs: string;
}

/** The element whose open tag is `open`: scans to its matching close tag. */
export function elementAt(xml: string, open: Tag): Element {
  if (open.kind === 'self')
    return {
      name: open.name,
      start: open.start,
      openEnd: open.end,
      closeStart: open.end,
      end: open.end,
      attrs: open.attrs,
    };
  let depth = 0;
  for (const t of tags(xml, open.end)) {
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') {
      if (depth === 0) {
        if (t.name !== open.name) throw new XmlError(`</${t.name}> closes <${open.name}>`);
        return {
          name: open.name,
          start: open.start,
          openEnd: open.end,
          closeStart: t.start,
          end: t.end,
          attrs: open.attrs,
        };
      }
      depth--;
    }
  }
  throw new XmlError(`<${open.name}> is never closed`);
}

/** The direct children of an element (or of the range [from, to) when given offsets). */
export function children(xml: string, parent: Element): Element[] {
  const out: Element[] = [];
  let depth = 0;
  let open: Tag | null = null;
  for (const t of tags(xml, parent.openEnd, parent.closeStart)) {
    if (t.kind === 'self') {
      if (depth === 0)
        out.push({
          name: t.name,
          start: t.start,
          openEnd: t.end,
          closeStart: t.end,
          end: t.end,
          attrs: t.attrs,
        });
    } else if (t.kind === 'open') {
      if (depth === 0) open = t;
      depth++;
    } else {
      depth--;
      if (depth === 0 && open)
        out.push({
          name: open.name,
          start: open.start,
          openEnd: open.end,
          closeStart: t.start,
          end: t.end,
          attrs: open.attrs,
        });
    }
  }
  return out;
}

/** The root element of a part. */
export function root(xml: string): Element {
  for (const t of tags(xml)) {
    if (t.kind === 'close') break;
    return elementAt(xml, t);
  }
  throw new XmlError('no root element');
}

/** The first direct child with this local name (any prefix), or undefined. */
export function child(xml: string, parent: Element, local: string): Element | undefined {
  return children(xml, parent).find((c) => localName(c.name) === local);
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix of a qualified name with its colon ("x:" for "x:row"), or "". */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes in source order, values decoded. */
export function attributes(attrs: string): [string, string][] {
  const out: [string, string][] = [];
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) out.push([m[1]!, decode(m[3] ?? m[4] ?? '')]);
  return out;
}

/** One attribute's decoded value, or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  for (const [k, v] of attributes(attrs)) if (k === name) return v;
  return undefined;
}

/**
 * The attribute text with `name` set to `value` (kept in place when present, else appended), or
 * removed when `value` is undefined. Every other attribute keeps its exact text.
 */
export function withAttr(attrs: string, name: string, value: string | undefined): string {
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    if (m[1] !== name) continue;
    const before = attrs.slice(0, m.index);
    const after = attrs.slice(m.index + m[0].length);
    if (value === undefined) return before.replace(/\s+$/, '') + after;
    return `${before}${name}="${escapeAttr(value)}"${after}`;
  }
  if (value === undefined) return attrs;
  return `${attrs.replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"`;
}

/** The open tag text of an element with new attribute text. */
export function openTag(name: string, attrs: string, self = false): string {
  const a = attrs.trim() === '' ? '' : ` ${attrs.trim()}`;
  return `<${name}${a}${self ? '/>' : '>'}`;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text or attribute content with entity and character references resolved. */
export function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name]!;
    return String.fromCodePoint(Number.parseInt(hex ?? dec ?? '0', hex ? 16 : 10));
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * Text as OOXML stores it in a string item: a literal `_xHHHH_` gets its underscore escaped
 * (`_x005F_`), so readers do not turn it into a character; characters XML 1.0 cannot hold become
 * `_xHHHH_`.
 */
export function ooxmlText(s: string): string {
  const escaped = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being escaped
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeText(escaped);
}

/** The inverse of ooxmlText's `_xHHHH_` step, on decoded text. */
export function fromOoxmlText(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** A part that is not well-formed where the writer must edit it. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** A collector of edits on one text, applied in one pass (edits must not overlap). */
export class Splicer {
  private readonly edits: { start: number; end: number; text: string; seq: number }[] = [];

  constructor(readonly source: string) {}

  /** Replace [start, end) with text; end = start inserts. */
  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  toString(): string {
    if (this.edits.length === 0) return this.source;
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    const parts: string[] = [];
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) throw new XmlError('overlapping edits');
      parts.push(this.source.slice(at, e.start), e.text);
      at = e.end;
    }
    parts.push(this.source.slice(at));
    return parts.join('');
  }
}
