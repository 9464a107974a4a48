/**
 * Draws the add-in's icon (a table with a check-mark badge) at the sizes the manifest names and
 * writes them as PNGs to assets/. Shapes are signed-distance functions sampled 4×4 per pixel, so
 * every size is drawn from the same geometry and stays smooth. Run: `npx tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = [number, number, number, number];

const GREEN: RGBA = [33, 115, 70, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const BLUE: RGBA = [15, 108, 189, 255];

/** A shape: a colour and a coverage test at a point in unit coordinates (y down). */
interface Shape {
  color: RGBA;
  inside(x: number, y: number): boolean;
}

const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const cx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const cy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && cx * cx + cy * cy <= r * r;
};

const segment = (ax: number, ay: number, bx: number, by: number, width: number) => (x: number, y: number) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const px = ax + t * dx - x;
  const py = ay + t * dy - y;
  return px * px + py * py <= (width / 2) ** 2;
};

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Small icons get thicker strokes and fewer grid lines so they stay legible. */
function shapes(size: number): Shape[] {
  const small = size <= 16;
  const line = small ? 0.08 : 0.05;
  const table: [number, number, number, number] = [0.06, 0.1, 0.8, 0.8];
  const [x0, y0, x1, y1] = table;
  const out: Shape[] = [
    { color: GREEN, inside: roundRect(x0, y0, x1, y1, 0.1) },
    { color: WHITE, inside: roundRect(x0 + line, y0 + 0.2, x1 - line, y1 - line, 0.05) },
    { color: GREEN, inside: segment(0.33, y0 + 0.2, 0.33, y1, line) },
  ];
  const rows = small ? [0.52] : [0.43, 0.6];
  for (const y of rows) out.push({ color: GREEN, inside: segment(x0, y, x1, y, line) });
  // The badge: a white ring to part it from the table, a blue disc, a white check mark.
  out.push({ color: WHITE, inside: circle(0.72, 0.72, 0.27) });
  out.push({ color: BLUE, inside: circle(0.72, 0.72, 0.22) });
  const w = small ? 0.09 : 0.065;
  out.push({ color: WHITE, inside: segment(0.62, 0.73, 0.69, 0.8, w) });
  out.push({ color: WHITE, inside: segment(0.69, 0.8, 0.83, 0.64, w) });
  return out;
}

/** RGBA pixels, row-major, straight (not premultiplied) alpha. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const layers = shapes(size);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxi + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let top: RGBA | null = null;
          for (const s of layers) if (s.inside(x, y)) top = s.color;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const i = (py * size + pxi) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG of the pixels. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  for (const size of ICON_SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
