/*
 * The council's logo for the cover, from the data: URL kept in settings (PNG or JPEG). Word needs the
 * image's size to keep its proportions, so it is read from the file's own header; a logo that cannot
 * be read is left off rather than stopping the export, as in the PDF.
 */
import { ImageRun } from 'docx';
import { fromBase64 } from '../base64';

/** About 22 mm tall, as on the PDF's cover, at Word's 96 pixels an inch; never wider than 8 cm. */
const HEIGHT = 83;
const MAX_WIDTH = 300;

export function coverLogo(dataUrl: string | undefined): ImageRun | null {
  const match = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl ?? '');
  if (!match) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(match[2]!.replace(/\s+/g, ''));
  } catch {
    return null;
  }
  const type = match[1] === 'png' ? 'png' : 'jpg';
  const size = type === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return null;
  const scale = Math.min(HEIGHT / size.height, MAX_WIDTH / size.width);
  return new ImageRun({
    type,
    data: bytes,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    altText: { name: 'Logo', description: 'Council logo', title: 'Council logo' },
  });
}

interface Size {
  width: number;
  height: number;
}

function pngSize(b: Uint8Array): Size | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return positive({ width: view.getUint32(16), height: view.getUint32(20) });
}

/** Walks the JPEG markers to the start-of-frame segment, which holds the height and width. */
function jpegSize(b: Uint8Array): Size | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return positive({ height: view.getUint16(at + 5), width: view.getUint16(at + 7) });
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function positive(size: Size): Size | null {
  return size.width > 0 && size.height > 0 ? size : null;
}
