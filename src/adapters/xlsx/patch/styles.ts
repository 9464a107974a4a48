/**
 * The styles part, edited by appending only: a cell whose number format, fill or font the plan sets
 * gets a cell format (xf) that is its old one with that one change. Existing formats, fonts, fills and
 * number formats keep their index and their bytes; an identical entry is reused, so applying a plan
 * again finds what the first run added and changes nothing.
 */
import {
  attr,
  child,
  children,
  type Element,
  escapeAttr,
  localName,
  prefixOf,
  root,
  Splicer,
  withAttr,
} from './xml';

/** A change to a cell's format, in the order the plan gives them. */
export type StyleChange =
  | { kind: 'numFmt'; format: string }
  | { kind: 'fill'; color: string }
  | { kind: 'font'; bold?: boolean; color?: string };

/** Excel's built-in number formats that a plan may name, by code. */
const BUILTIN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const STYLE_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

interface List {
  local: string;
  /** The container element, when the part has one. */
  el: Element | undefined;
  /** Each entry's exact text, existing then appended. */
  items: string[];
  added: string[];
}

/** ARGB for "#RRGGBB" (or "RRGGBB", or already ARGB). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

export class Styles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly lists: Record<'numFmts' | 'fonts' | 'fills' | 'cellXfs', List>;
  private readonly numFmtCodes = new Map<string, number>();
  private readonly cache = new Map<string, number>();
  private rootEl: Element;

  constructor(xml: string) {
    this.xml = xml;
    this.rootEl = root(xml);
    this.prefix = prefixOf(this.rootEl.name);
    const list = (local: string): List => {
      const el = child(xml, this.rootEl, local);
      return {
        local,
        el,
        items: el ? children(xml, el).map((c) => xml.slice(c.start, c.end)) : [],
        added: [],
      };
    };
    this.lists = {
      numFmts: list('numFmts'),
      fonts: list('fonts'),
      fills: list('fills'),
      cellXfs: list('cellXfs'),
    };
    for (const t of this.lists.numFmts.items) {
      const open = /^<[^>]*>/.exec(t)?.[0] ?? '';
      const id = Number(attr(open.slice(1), 'numFmtId'));
      const code = attr(open.slice(1), 'formatCode');
      if (code !== undefined && Number.isFinite(id)) this.numFmtCodes.set(code, id);
    }
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.added.length > 0);
  }

  /** The cell format index for `s` with the changes applied (reusing an identical one). */
  derive(s: number, changes: readonly StyleChange[]): number {
    if (changes.length === 0) return s;
    const key = `${s}\u0000${JSON.stringify(changes)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let xf =
      this.lists.cellXfs.items[s] ??
      this.lists.cellXfs.items[0] ??
      `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    for (const c of changes) xf = this.apply(xf, c);
    const index = this.intern('cellXfs', xf);
    this.cache.set(key, index);
    return index;
  }

  private apply(xf: string, c: StyleChange): string {
    const open = /^<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/.exec(xf);
    if (!open) return xf;
    let attrs = open[2] ?? '';
    const rest = xf.slice(open[0].length);
    switch (c.kind) {
      case 'numFmt':
        attrs = withAttr(
          withAttr(attrs, 'numFmtId', String(this.numFmtId(c.format))),
          'applyNumberFormat',
          '1',
        );
        break;
      case 'fill': {
        const p = this.prefix;
        const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(c.color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
        attrs = withAttr(withAttr(attrs, 'fillId', String(this.intern('fills', fill))), 'applyFill', '1');
        break;
      }
      case 'font': {
        const base =
          this.lists.fonts.items[Number(attr(attrs, 'fontId') ?? 0)] ??
          this.lists.fonts.items[0] ??
          `<${this.prefix}font/>`;
        attrs = withAttr(
          withAttr(attrs, 'fontId', String(this.intern('fonts', this.font(base, c)))),
          'applyFont',
          '1',
        );
        break;
      }
    }
    return `<${open[1]}${attrs}${open[3]}>${rest}`;
  }

  /** A font entry with bold and/or colour set, every other child kept. */
  private font(base: string, c: Extract<StyleChange, { kind: 'font' }>): string {
    const p = this.prefix;
    const el = root(base);
    const kids = children(base, el).map((k) => ({
      local: localName(k.name),
      text: base.slice(k.start, k.end),
    }));
    let out = kids;
    if (c.bold !== undefined) {
      out = out.filter((k) => k.local !== 'b');
      if (c.bold) out.unshift({ local: 'b', text: `<${p}b/>` });
    }
    if (c.color !== undefined) {
      const color = { local: 'color', text: `<${p}color rgb="${escapeAttr(argb(c.color))}"/>` };
      const at = out.findIndex((k) => k.local === 'color');
      if (at >= 0) out[at] = color;
      else {
        const after = out.findIndex((k) => ['name', 'family', 'charset', 'scheme'].includes(k.local));
        out.splice(after < 0 ? out.length : after, 0, color);
      }
    }
    const openText = base.slice(el.start, el.openEnd);
    const open = openText.endsWith('/>') ? `${openText.slice(0, -2)}>` : openText;
    return `${open}${out.map((k) => k.text).join('')}</${el.name}>`;
  }

  private numFmtId(format: string): number {
    const builtin = BUILTIN[format];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtCodes.get(format);
    if (known !== undefined) return known;
    const id = Math.max(163, ...this.numFmtCodes.values()) + 1;
    this.numFmtCodes.set(format, id);
    this.lists.numFmts.added.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(format)}"/>`,
    );
    this.lists.numFmts.items.push(this.lists.numFmts.added.at(-1)!);
    return id;
  }

  /** The index of an identical entry, appending it when there is none. */
  private intern(list: 'fonts' | 'fills' | 'cellXfs', text: string): number {
    const l = this.lists[list];
    const at = l.items.indexOf(text);
    if (at >= 0) return at;
    l.items.push(text);
    l.added.push(text);
    return l.items.length - 1;
  }

  /** The part with what was added. */
  toString(): string {
    if (!this.changed) return this.xml;
    const sp = new Splicer(this.xml);
    const missing: string[] = [];
    for (const l of Object.values(this.lists)) {
      if (l.added.length === 0) continue;
      const count = String(l.items.length);
      if (l.el) {
        const open = this.xml.slice(l.el.start, l.el.openEnd);
        const attrs = withAttr(open.slice(1 + l.el.name.length).replace(/\/?>$/, ''), 'count', count);
        if (l.el.closeStart === l.el.openEnd && open.endsWith('/>')) {
          sp.replace(l.el.start, l.el.end, `<${l.el.name}${attrs}>${l.added.join('')}</${l.el.name}>`);
        } else {
          sp.replace(l.el.start, l.el.openEnd, `<${l.el.name}${attrs}>`);
          sp.insert(l.el.closeStart, l.added.join(''));
        }
      } else missing.push(l.local);
    }
    // A container the part lacks goes where the schema orders it.
    const kids = children(this.xml, this.rootEl);
    for (const local of missing) {
      const l = this.lists[local as keyof typeof this.lists];
      const rank = STYLE_ORDER.indexOf(local);
      const before = kids.find((k) => STYLE_ORDER.indexOf(localName(k.name)) > rank);
      const name = `${this.prefix}${local}`;
      sp.insert(
        before ? before.start : this.rootEl.closeStart,
        `<${name} count="${l.items.length}">${l.added.join('')}</${name}>`,
      );
    }
    return sp.toString();
  }
}
