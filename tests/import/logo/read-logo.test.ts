import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { fitWithin, type LogoEncoder } from '../../../src/import/logo/logo-encode';
import { readLogoHeader } from '../../../src/import/logo/logo-header';
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE, readLogo } from '../../../src/import/logo/read-logo';

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

/** A real RGB PNG of the given size. */
function makePng(width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = new Uint8Array(height * (1 + width * 3)).fill(0x80);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(rows))),
    chunk('IEND', new Uint8Array()),
  ];
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

/** The markers of a baseline JPEG: start, JFIF, frame header (SOF0) with the size, end. */
function makeJpeg(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ]);
}

/** Stands in for the browser: "re-encodes" by making a fresh PNG or JPEG of the fitted size. */
const fakeEncoder: LogoEncoder = async (_bytes, source, maxSide) => {
  const { width, height } = fitWithin(source.width, source.height, maxSide);
  return source.type === 'image/png' ? makePng(width, height) : makeJpeg(width, height);
};

describe('readLogo', () => {
  it('keeps the re-encoded PNG, not the file chosen, as a data URL whose bytes round-trip', async () => {
    const chosen = makePng(3000, 1500);
    const result = await readLogo('logo.png', chosen, fakeEncoder);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ width: 1000, height: 500 });
    expect(result.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(result.dataUrl.split(',')[1]!, 'base64');
    expect([...bytes]).toEqual([...makePng(1000, 500)]);
  });

  it('recognises a JPEG by its content, whatever its name, and asks for the bounded size', async () => {
    const encode = vi.fn(fakeEncoder);
    const result = await readLogo('logo.png', makeJpeg(640, 480), encode);
    expect(result.ok && result.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(encode).toHaveBeenCalledWith(
      expect.any(Uint8Array),
      { ok: true, type: 'image/jpeg', width: 640, height: 480 },
      LOGO_MAX_SIDE,
    );
  });

  it('refuses a file the browser cannot decode, and anything but a whole image of the same type back', async () => {
    for (const encode of [
      async () => undefined,
      async () => new Uint8Array([1, 2, 3]),
      async () => makeJpeg(10, 10),
    ]) {
      const result = await readLogo('crest.png', makePng(10, 10), encode);
      expect(result).toEqual({
        ok: false,
        message:
          'crest.png could not be read as an image: it may be damaged. Open it in an image editor, save it again as PNG or JPEG, and choose that.',
      });
    }
  });

  it('refuses a file over 200 KB before reading it', async () => {
    const result = await readLogo('crest.png', new Uint8Array(LOGO_MAX_BYTES + 1).fill(0x89), fakeEncoder);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('at most 200 KB') });
  });
});

describe('hostile logos', () => {
  const folder = 'tests/fixtures/invalid/logos';
  const fixtures = readdirSync(folder)
    .filter((name) => name !== 'expected.json')
    .sort();
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, string>;

  it('has an expected message for every fixture, and a fixture for every message', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s is refused before anything decodes it', async (name) => {
    const encode = vi.fn(fakeEncoder);
    const started = performance.now();
    const result = await readLogo(name, new Uint8Array(readFileSync(join(folder, name))), encode);
    expect(result).toEqual({ ok: false, message: expected[name] });
    expect(encode).not.toHaveBeenCalled();
    // Refused from the header alone: the decoder is never reached, so even 144 megapixels cost nothing.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('reading a logo header', () => {
  it('reads the size from a PNG IHDR and a JPEG frame header', () => {
    expect(readLogoHeader(makePng(120, 45))).toEqual({ ok: true, type: 'image/png', width: 120, height: 45 });
    expect(readLogoHeader(makeJpeg(800, 600))).toEqual({
      ok: true,
      type: 'image/jpeg',
      width: 800,
      height: 600,
    });
  });

  it('refuses a PNG whose header checksum is wrong, or that stops before its end chunk', () => {
    const png = makePng(4, 4);
    const tampered = png.slice();
    tampered[17] = 9;
    expect(readLogoHeader(tampered)).toMatchObject({ ok: false, problem: 'damaged-png' });
    for (const cut of [8, 20, 33, png.length - 12, png.length - 1])
      expect(readLogoHeader(png.subarray(0, cut)), `cut at ${cut}`).toMatchObject({
        ok: false,
        problem: 'damaged-png',
      });
  });

  it('refuses a JPEG with no frame header, a zero size, or no end marker', () => {
    const jpeg = makeJpeg(8, 8);
    expect(readLogoHeader(jpeg.subarray(0, jpeg.length - 2))).toMatchObject({
      ok: false,
      problem: 'damaged-jpeg',
    });
    expect(readLogoHeader(makeJpeg(0, 8))).toMatchObject({ ok: false, problem: 'damaged-jpeg' });
    expect(readLogoHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({
      ok: false,
      problem: 'damaged-jpeg',
    });
  });

  it('fits within the bounded size, keeping the aspect ratio and never enlarging', () => {
    expect(fitWithin(4000, 1000, 1000)).toEqual({ width: 1000, height: 250 });
    expect(fitWithin(1000, 3000, 1000)).toEqual({ width: 333, height: 1000 });
    expect(fitWithin(300, 200, 1000)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(1, 5000, 1000)).toEqual({ width: 1, height: 1000 });
  });
});
