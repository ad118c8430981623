/**
 * Reading generated PDFs in tests: the text of each page (pdfjs-dist, the same extraction a screen
 * reader or a search index sees), a page rendered to PNG (poppler's pdftoppm), and whether a PNG has
 * anything drawn on it. No new packages: the PNG decoder below uses node:zlib.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { deflateSync, inflateSync } from 'node:zlib';

/** The text of every page, one string per page; items on one line are joined with spaces. */
export async function pdfText(bytesOrPath: Uint8Array | string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const raw = typeof bytesOrPath === 'string' ? await readFile(bytesOrPath) : bytesOrPath;
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(raw.byteLength);
  data.set(raw);
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : ' ';
      }
      pages.push(
        text
          .replace(/[ \t]+/g, ' ')
          .replace(/ *\n */g, '\n')
          .trim(),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Renders one page (1-based) of a PDF file to a PNG in `outDir` and returns its path.
 * @param dpi resolution; low (the default 40) keeps tests fast.
 */
export async function renderPageToPng(pdfPath: string, page: number, outDir: string, dpi = 40): Promise<string> {
  const prefix = join(outDir, `${basename(pdfPath).replace(/\.pdf$/i, '')}-p${page}`);
  const result = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), pdfPath, prefix], {
    encoding: 'utf8',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('pdftoppm (poppler) is not installed: run `apt-get install poppler-utils` (or `npm run setup` as root on Debian).');
  }
  if (result.status !== 0) throw new Error(`pdftoppm failed on ${pdfPath} page ${page}: ${result.stderr || result.error?.message}`);
  // pdftoppm pads the page number to the width of the page count (-1, -01, -001).
  const stem = basename(prefix);
  const produced = (await readdir(outDir)).filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'));
  const file = produced.find((name) => Number(name.slice(stem.length + 1, -4)) === page);
  if (!file) throw new Error(`pdftoppm wrote no PNG for page ${page} of ${pdfPath} (does the page exist?)`);
  return join(outDir, file);
}

/** True when every pixel of the PNG is (near) white or fully transparent. */
export async function pngIsBlank(pngPath: string): Promise<boolean> {
  return (await pngInk(pngPath)) === 0;
}

export interface PngRegion {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
}

/**
 * How many pixels are not (near) white — or, with `matches`, how many have a given colour —
 * optionally only inside a region given as fractions of the image (`{ top: 0.1, bottom: 0.9 }`
 * leaves out a header and a footer). Compares pages by how much is drawn on them.
 */
export async function pngInk(
  pngPath: string,
  region: PngRegion = {},
  matches?: (r: number, g: number, b: number) => boolean,
): Promise<number> {
  const { width, height, channels, pixels } = decodePng(await readFile(pngPath));
  const stride = width * channels;
  const [x0, x1] = [Math.floor((region.left ?? 0) * width), Math.ceil((region.right ?? 1) * width)];
  const [y0, y1] = [Math.floor((region.top ?? 0) * height), Math.ceil((region.bottom ?? 1) * height)];
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = y * stride + x * channels;
      if (matches ? matches(...rgbAt(pixels, at, channels)) : !isWhite(pixels, at, channels)) ink++;
    }
  }
  return ink;
}

/** Writes a solid-colour RGB PNG (a test logo) without an image package. */
export async function writeSolidPng(path: string, width: number, height: number, rgb: [number, number, number]): Promise<void> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const data = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  await writeFile(path, Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]));
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function rgbAt(pixels: Uint8Array, at: number, channels: number): [number, number, number] {
  const first = pixels[at] ?? 0;
  return channels <= 2 ? [first, first, first] : [first, pixels[at + 1] ?? 0, pixels[at + 2] ?? 0];
}

function isWhite(pixels: Uint8Array, at: number, channels: number): boolean {
  const near = (value: number | undefined) => (value ?? 255) >= 250;
  switch (channels) {
    case 1:
      return near(pixels[at]);
    case 2:
      return pixels[at + 1] === 0 || near(pixels[at]);
    case 3:
      return near(pixels[at]) && near(pixels[at + 1]) && near(pixels[at + 2]);
    default:
      return pixels[at + 3] === 0 || (near(pixels[at]) && near(pixels[at + 1]) && near(pixels[at + 2]));
  }
}

interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  /** Unfiltered 8-bit samples, row after row. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** A minimal PNG decoder: 8-bit greyscale/RGB(A), no interlacing — what pdftoppm writes. */
export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      const known = colour === undefined ? undefined : CHANNELS[colour];
      if (depth !== 8 || known === undefined || interlace !== 0)
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
      channels = known;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  return { width, height, channels, pixels: unfilter(raw, width, height, channels) };
}

function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[line + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[row - stride + x - bpp] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
