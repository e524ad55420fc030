import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, readLogo } from '../../../src/import/logo/read-logo';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('readLogo', () => {
  it('keeps a PNG as a data URL whose bytes round-trip', () => {
    const result = readLogo('logo.png', png);
    if (!result.ok) throw new Error(result.message);
    expect(result.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(result.dataUrl.split(',')[1]!, 'base64');
    expect([...bytes]).toEqual([...png]);
  });

  it('recognises a JPEG by its content, whatever its name', () => {
    const result = readLogo('logo.png', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]));
    expect(result.ok && result.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
  });

  it.each([
    [
      'an SVG, which could carry script',
      new TextEncoder().encode('<svg onload="alert(1)"></svg>'),
      'not a PNG or JPEG',
    ],
    ['an empty file', new Uint8Array(), 'is empty'],
    ['a file over 200 KB', new Uint8Array(LOGO_MAX_BYTES + 1).fill(0x89), 'at most 200 KB'],
  ])('refuses %s with a reason', (_what, bytes, reason) => {
    const result = readLogo('crest.svg', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(reason);
      expect(result.message).toContain('crest.svg');
    }
  });
});
