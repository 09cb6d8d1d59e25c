// Pictures for the demo newsletters, drawn here as PNG (no stock photos in the repository): a soft background, a
// horizon and a few shapes in the programme's colours, different per seed. Only node:zlib.
import { crc32, deflateSync } from 'node:zlib';

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

type Rgb = [number, number, number];
const PALETTES: [Rgb, Rgb, Rgb, Rgb][] = [
  [
    [11, 79, 113],
    [244, 180, 0],
    [233, 240, 245],
    [46, 125, 50],
  ],
  [
    [123, 31, 162],
    [255, 138, 101],
    [243, 236, 247],
    [11, 79, 113],
  ],
  [
    [0, 105, 92],
    [255, 213, 79],
    [232, 245, 243],
    [198, 40, 40],
  ],
  [
    [21, 101, 192],
    [255, 167, 38],
    [236, 242, 250],
    [56, 142, 60],
  ],
];

/** A 600×300 PNG: sky, ground, three blocks (a workshop), a sun; `seed` picks colours and positions. */
export function demoPicture(seed: number, width = 600, height = 300): Uint8Array {
  const [primary, accent, sky, ground] = PALETTES[seed % PALETTES.length]!;
  const horizon = Math.round(height * (0.62 + (seed % 3) * 0.04));
  const blocks = [0, 1, 2].map((i) => ({ x: 60 + i * 150 + ((seed * 37 + i * 23) % 40), w: 90 + ((seed + i) % 3) * 20, h: 70 + ((seed * 13 + i * 29) % 60) }));
  const sun = { x: 480 - (seed % 4) * 60, y: 70, r: 34 };
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let c: Rgb = y < horizon ? (sky.map((v) => Math.round(v - (y / horizon) * 20)) as Rgb) : ground;
      if ((x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2) c = accent;
      for (const b of blocks) if (x >= b.x && x < b.x + b.w && y >= horizon - b.h && y < horizon) c = (x - b.x) % 30 < 4 ? sky : primary;
      row.set(c, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
