// Draws the tab bar icons (81×81 RGBA PNGs) from simple shapes, so the app ships no third-party artwork.
// Run with `node scripts/make-tab-icons.mjs`; the output is committed under src/assets/tabbar.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar');
const COLORS = { normal: [0x7a, 0x7e, 0x87], active: [0xc8, 0x16, 0x1d] };

// Shapes are predicates on a point (x, y) in a 0..1 square.
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
/** A thick line from (x0,y0) to (x1,y1) with round caps. */
const stroke = (x0, y0, x1, y1, w) => (x, y) => {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return (x - x0 - t * dx) ** 2 + (y - y0 - t * dy) ** 2 <= (w / 2) ** 2;
};

const W = 0.075; // stroke width
const icons = {
  // 首页: a house with a door
  home: minus(
    union(triangle(0.5, 0.12, 0.1, 0.48, 0.9, 0.48), rect(0.2, 0.44, 0.8, 0.86)),
    rect(0.42, 0.6, 0.58, 0.86),
  ),
  // 扫码: four corners of a viewfinder and a scan line
  scan: union(
    stroke(0.14, 0.14, 0.34, 0.14, W),
    stroke(0.14, 0.14, 0.14, 0.34, W),
    stroke(0.66, 0.14, 0.86, 0.14, W),
    stroke(0.86, 0.14, 0.86, 0.34, W),
    stroke(0.14, 0.86, 0.34, 0.86, W),
    stroke(0.14, 0.66, 0.14, 0.86, W),
    stroke(0.66, 0.86, 0.86, 0.86, W),
    stroke(0.86, 0.66, 0.86, 0.86, W),
    stroke(0.22, 0.5, 0.78, 0.5, W),
  ),
  // 心愿: a heart
  wish: (x, y) => {
    const u = (x - 0.5) * 2.9;
    const v = (0.535 - y) * 2.9;
    return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
  },
  // 我的: a person (head and shoulders)
  mine: union(circle(0.5, 0.32, 0.17), minus(circle(0.5, 0.98, 0.38), rect(0, 0.9, 1, 1))),
};

function crcTable() {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(path.join(OUT, `${name}.png`), png(shape, COLORS.normal));
  writeFileSync(path.join(OUT, `${name}-active.png`), png(shape, COLORS.active));
}
console.log(`tab bar icons written to ${OUT}`);
