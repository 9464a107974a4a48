/**
 * An .xlsx package held in memory: its parts in their original order, relationships and content
 * types. Parts are read once; only the parts an edit touches are written back as text, every other
 * part keeps its exact bytes. Zipped again with a fixed timestamp, so the same parts give the same file.
 */
import { unzipSync, zipSync } from 'fflate';
import { attr, children, escapeAttr, localName, root, Splicer, tags } from './xml';

const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

export type Namespaces = typeof TRANSITIONAL;

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part the target names (absolute, without the leading "/"), or null for external targets. */
  part: string | null;
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
function folder(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The relationships part of a part. */
export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolve(from: string, target: string): string {
  const segs = target.startsWith('/')
    ? []
    : folder(from)
        .split('/')
        .filter((s) => s !== '');
  for (const s of target.replace(/^\//, '').split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '.' && s !== '') segs.push(s);
  }
  return segs.join('/');
}

/** `to` relative to the folder of `from`. */
export function relative(from: string, to: string): string {
  const a = folder(from)
    .split('/')
    .filter((s) => s !== '');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

/** The bytes are not a zip package the writer can open. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

export class Package {
  private readonly order: string[];
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  private readonly dirty = new Set<string>();
  readonly ns: Namespaces;

  private constructor(files: Record<string, Uint8Array>) {
    this.order = Object.keys(files);
    for (const [k, v] of Object.entries(files)) this.bytes.set(k, v);
    const wb = this.mainPart();
    this.ns = wb && this.has(wb) && this.text(wb).includes(STRICT.main) ? STRICT : TRANSITIONAL;
  }

  /**
   * Open a package.
   * @throws PackageError when the bytes are not a readable zip.
   */
  static open(bytes: Uint8Array): Package {
    try {
      return new Package(unzipSync(bytes));
    } catch (e) {
      throw new PackageError(e instanceof Error ? e.message : String(e));
    }
  }

  /** Part names in package order. */
  get parts(): string[] {
    return this.order.filter((n) => this.bytes.has(n));
  }

  has(part: string): boolean {
    return this.bytes.has(part);
  }

  raw(part: string): Uint8Array | undefined {
    return this.bytes.get(part);
  }

  text(part: string): string {
    const t = this.texts.get(part);
    if (t !== undefined) return t;
    const b = this.bytes.get(part);
    if (!b) throw new PackageError(`the package has no part ${part}`);
    const s = new TextDecoder('utf-8').decode(b);
    this.texts.set(part, s);
    return s;
  }

  /** Set a part's text (adding the part at the end when new); unchanged text leaves the bytes alone. */
  setText(part: string, text: string): void {
    if (this.bytes.has(part) && this.text(part) === text) return;
    if (!this.bytes.has(part)) this.order.push(part);
    this.texts.set(part, text);
    this.bytes.set(part, new Uint8Array(0));
    this.dirty.add(part);
  }

  remove(part: string): void {
    this.bytes.delete(part);
    this.texts.delete(part);
    this.dirty.delete(part);
  }

  /** The workbook part, from the package relationships. */
  mainPart(): string | null {
    if (!this.has('_rels/.rels')) return this.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
    const rel = this.rels('').find((r) => r.type.endsWith('/officeDocument'));
    return rel?.part ?? null;
  }

  /** The relationships of a part ('' for the package's own). */
  rels(part: string): Relationship[] {
    const path = part === '' ? '_rels/.rels' : relsPath(part);
    if (!this.has(path)) return [];
    const xml = this.text(path);
    const out: Relationship[] = [];
    for (const t of tags(xml)) {
      if (t.kind === 'close' || localName(t.name) !== 'Relationship') continue;
      const target = attr(t.attrs, 'Target') ?? '';
      const external = attr(t.attrs, 'TargetMode') === 'External';
      out.push({
        id: attr(t.attrs, 'Id') ?? '',
        type: attr(t.attrs, 'Type') ?? '',
        target,
        part: external ? null : resolve(part === '' ? '' : part, target),
      });
    }
    return out;
  }

  /** Add a relationship from `part` to `to`; returns its id. */
  addRel(part: string, type: string, to: string): string {
    const path = relsPath(part);
    const xml = this.has(path)
      ? this.text(path)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(this.has(path) ? this.rels(part).map((r) => r.id) : []);
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = root(xml);
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relative(part, to))}"/>`;
    const sp = new Splicer(xml);
    if (el.closeStart === el.openEnd)
      sp.replace(
        el.start,
        el.end,
        `${xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>')}${rel}</${el.name}>`,
      );
    else sp.insert(el.closeStart, rel);
    this.setText(path, sp.toString());
    return id;
  }

  /** Remove the relationship with this id from `part`. */
  removeRel(part: string, id: string): void {
    const path = relsPath(part);
    if (!this.has(path)) return;
    const xml = this.text(path);
    const el = root(xml);
    const sp = new Splicer(xml);
    for (const c of children(xml, el)) if (attr(c.attrs, 'Id') === id) sp.replace(c.start, c.end, '');
    this.setText(path, sp.toString());
  }

  /** The relationship type URI for a short name ("worksheet", "comments" …). */
  relType(kind: string): string {
    return `${this.ns.rel}/${kind}`;
  }

  /** Declare a part's content type (an Override), unless already declared. */
  addOverride(part: string, contentType: string): void {
    this.editContentTypes((xml, el, sp) => {
      const name = `/${part}`;
      if (children(xml, el).some((c) => attr(c.attrs, 'PartName') === name)) return;
      sp.insert(
        el.closeStart,
        `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`,
      );
    });
  }

  removeOverride(part: string): void {
    this.editContentTypes((xml, el, sp) => {
      for (const c of children(xml, el))
        if (attr(c.attrs, 'PartName') === `/${part}`) sp.replace(c.start, c.end, '');
    });
  }

  /** Declare a content type by file extension, unless the extension has one. */
  addDefault(extension: string, contentType: string): void {
    this.editContentTypes((xml, el, sp) => {
      const kids = children(xml, el);
      if (
        kids.some(
          (c) => localName(c.name) === 'Default' && attr(c.attrs, 'Extension')?.toLowerCase() === extension,
        )
      )
        return;
      // Defaults come before Overrides.
      const first = kids.find((c) => localName(c.name) === 'Override');
      sp.insert(
        first ? first.start : el.closeStart,
        `<Default Extension="${extension}" ContentType="${escapeAttr(contentType)}"/>`,
      );
    });
  }

  private editContentTypes(f: (xml: string, el: ReturnType<typeof root>, sp: Splicer) => void): void {
    const path = '[Content_Types].xml';
    const xml = this.text(path);
    const el = root(xml);
    const sp = new Splicer(xml);
    f(xml, el, sp);
    if (sp.size > 0) this.setText(path, sp.toString());
  }

  /** The package as a zip: untouched parts with their original bytes, in their original order. */
  toBytes(): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    const enc = new TextEncoder();
    for (const name of this.parts) {
      files[name] = this.dirty.has(name) ? enc.encode(this.texts.get(name) ?? '') : this.bytes.get(name)!;
    }
    return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) });
  }
}
