/*
 * The browser half of reading a logo: decode it (createImageBitmap) and draw it again, no larger than
 * a bounded size, into a fresh PNG or JPEG (OffscreenCanvas, or a canvas where that is missing). What
 * is stored is only what was drawn: metadata, trailing bytes and anything hidden in the file are gone.
 */
import type { LogoType } from './logo-header';

export interface LogoSource {
  type: LogoType;
  width: number;
  height: number;
}

/** Decodes `bytes` and re-encodes them within `maxSide` pixels; undefined when they cannot be decoded. */
export type LogoEncoder = (
  bytes: Uint8Array,
  source: LogoSource,
  maxSide: number,
) => Promise<Uint8Array | undefined>;

const JPEG_QUALITY = 0.9;

/** The size that fits within `maxSide` on the longer side, keeping the aspect ratio; never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export const encodeInBrowser: LogoEncoder = async (bytes, source, maxSide) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: source.type }));
  } catch {
    return undefined;
  }
  try {
    // The picture must be the one the header describes (turned a quarter by its orientation tag at most).
    const same = bitmap.width === source.width && bitmap.height === source.height;
    const turned = bitmap.width === source.height && bitmap.height === source.width;
    if (!same && !turned) return undefined;
    const blob = await draw(bitmap, fitWithin(bitmap.width, bitmap.height, maxSide), source.type);
    return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  } finally {
    bitmap.close();
  }
};

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

async function draw(
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  type: LogoType,
): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    paint(context, bitmap, size, type);
    return canvas.convertToBlob({ type, quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  paint(context, bitmap, size, type);
  return new Promise((resolve) => canvas.toBlob(resolve, type, JPEG_QUALITY));
}

function paint(
  context: Context2D,
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  type: LogoType,
) {
  // JPEG has no transparency: a transparent logo would otherwise turn black.
  if (type === 'image/jpeg') {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
}
