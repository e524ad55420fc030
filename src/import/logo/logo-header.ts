/*
 * What a logo file really is, from its bytes alone (pure, so it runs in Node): a PNG needs its
 * signature, a well-formed IHDR chunk with a matching checksum and chunks that run to IEND; a JPEG needs
 * its start marker, well-formed segments up to a frame header (SOF) with a width and height, and an end
 * marker. A file that only starts like one of them is damaged, not an image.
 */
export type LogoType = 'image/png' | 'image/jpeg';

export type LogoHeader =
  | { ok: true; type: LogoType; width: number; height: number }
  | { ok: false; problem: 'empty' | 'damaged-png' | 'damaged-jpeg'; format?: undefined }
  | { ok: false; problem: 'not-png-or-jpeg'; format?: OtherFormat };

export type OtherFormat = 'GIF' | 'WebP' | 'AVIF' | 'HEIC' | 'BMP' | 'TIFF' | 'PDF' | 'SVG';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths each PNG colour type allows (PNG specification, table 11.1). */
const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export function readLogoHeader(bytes: Uint8Array): LogoHeader {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes);
  return { ok: false, problem: 'not-png-or-jpeg', format: otherFormat(bytes) };
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

function readPng(bytes: Uint8Array): LogoHeader {
  const damaged = { ok: false, problem: 'damaged-png' } as const;
  if (bytes.length < 33 || u32(bytes, 8) !== 13 || ascii(bytes, 12, 16) !== 'IHDR') return damaged;
  if (crc32(bytes.subarray(12, 29)) !== u32(bytes, 29)) return damaged;
  const [width, height] = [u32(bytes, 16), u32(bytes, 20)];
  const [depth, colour, compression, filter, interlace] = bytes.subarray(24, 29);
  const fine =
    width > 0 &&
    height > 0 &&
    width <= 0x7fffffff &&
    height <= 0x7fffffff &&
    (PNG_DEPTHS[colour!] ?? []).includes(depth!) &&
    compression === 0 &&
    filter === 0 &&
    (interlace === 0 || interlace === 1);
  if (!fine) return damaged;
  // Every chunk must fit in the file, and the image data must be there, up to the end chunk.
  let at = 33;
  let imageData = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = ascii(bytes, at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > bytes.length - at - 12) return damaged;
    if (type === 'IDAT') imageData = true;
    if (type === 'IEND') return imageData ? { ok: true, type: 'image/png', width, height } : damaged;
    at += 12 + length;
  }
  return damaged;
}

/** Start-of-frame markers that carry the image size (C4, C8 and CC are other segments). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(bytes: Uint8Array): LogoHeader {
  const damaged = { ok: false, problem: 'damaged-jpeg' } as const;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return damaged;
    while (bytes[at] === 0xff) at += 1;
    const marker = bytes[at];
    at += 1;
    if (marker === undefined || marker === 0x00 || marker === 0xd9 || marker === 0xda) return damaged;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > bytes.length) return damaged;
    const length = u16(bytes, at);
    if (length < 2 || at + length > bytes.length) return damaged;
    if (SOF.has(marker)) {
      const [precision, components] = [bytes[at + 2]!, bytes[at + 7]!];
      const [height, width] = [u16(bytes, at + 3), u16(bytes, at + 5)];
      const fine =
        length === 8 + 3 * components &&
        [1, 3, 4].includes(components) &&
        [8, 12, 16].includes(precision) &&
        width > 0 &&
        height > 0;
      // The end-of-image marker must follow the frame: a cut-off file has none.
      if (!fine || !hasEndMarker(bytes, at + length)) return damaged;
      return { ok: true, type: 'image/jpeg', width, height };
    }
    at += length;
  }
  return damaged;
}

function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i -= 1)
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/** The format of a file that is not a PNG or JPEG, when it is one people often try. */
function otherFormat(bytes: Uint8Array): OtherFormat | undefined {
  if (ascii(bytes, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'WebP';
  if (ascii(bytes, 4, 8) === 'ftyp') return /avif|avis/.test(ascii(bytes, 8, 12)) ? 'AVIF' : 'HEIC';
  if (ascii(bytes, 0, 2) === 'BM') return 'BMP';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'TIFF';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'PDF';
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/^\s*(\ufeff)?\s*</.test(start) && start.includes('<svg')) return 'SVG';
  return undefined;
}

let table: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
