/*
 * The browser half of reading a logo, with createImageBitmap and OffscreenCanvas stood in for (jsdom
 * has neither): what it draws, at what size, and that it refuses what does not decode as described.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeInBrowser } from '../../../src/import/logo/logo-encode';

interface Drawn {
  canvas: [number, number];
  calls: unknown[][];
  type?: string;
}

function standIns(bitmap: { width: number; height: number } | Error) {
  const drawn: Drawn = { canvas: [0, 0], calls: [] };
  const close = vi.fn();
  vi.stubGlobal('createImageBitmap', async () => {
    if (bitmap instanceof Error) throw bitmap;
    return { ...bitmap, close };
  });
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      constructor(width: number, height: number) {
        drawn.canvas = [width, height];
      }
      getContext() {
        return new Proxy(
          {},
          {
            get:
              (_target, name) =>
              (...args: unknown[]) =>
                drawn.calls.push([name, ...args]),
            set: (_target, name, value) => (drawn.calls.push([`set ${String(name)}`, value]), true),
          },
        );
      }
      async convertToBlob(options: { type: string }) {
        drawn.type = options.type;
        return { arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer };
      }
    },
  );
  return { drawn, close };
}

afterEach(() => vi.unstubAllGlobals());

describe('re-encoding a logo in the browser', () => {
  it('draws the decoded image at the bounded size, keeping its shape, and closes the bitmap', async () => {
    const { drawn, close } = standIns({ width: 4000, height: 2000 });
    const out = await encodeInBrowser(
      new Uint8Array([0]),
      { type: 'image/png', width: 4000, height: 2000 },
      1000,
    );
    expect([...(out ?? [])]).toEqual([1, 2, 3]);
    expect(drawn.canvas).toEqual([1000, 500]);
    expect(drawn.calls).toContainEqual(['drawImage', expect.anything(), 0, 0, 1000, 500]);
    expect(drawn.calls.some(([name]) => name === 'fillRect')).toBe(false);
    expect(drawn.type).toBe('image/png');
    expect(close).toHaveBeenCalled();
  });

  it('paints a JPEG on white, and accepts one its orientation tag turned a quarter', async () => {
    const { drawn } = standIns({ width: 600, height: 800 });
    await encodeInBrowser(new Uint8Array([0]), { type: 'image/jpeg', width: 800, height: 600 }, 1000);
    expect(drawn.canvas).toEqual([600, 800]);
    expect(drawn.calls).toContainEqual(['set fillStyle', '#ffffff']);
    expect(drawn.type).toBe('image/jpeg');
  });

  it('refuses an image that does not decode, or decodes to another size than its header says', async () => {
    standIns(new Error('The source image could not be decoded.'));
    expect(
      await encodeInBrowser(new Uint8Array([0]), { type: 'image/png', width: 10, height: 10 }, 1000),
    ).toBe(undefined);
    const { close } = standIns({ width: 10, height: 11 });
    expect(
      await encodeInBrowser(new Uint8Array([0]), { type: 'image/png', width: 10, height: 10 }, 1000),
    ).toBe(undefined);
    expect(close).toHaveBeenCalled();
  });
});
