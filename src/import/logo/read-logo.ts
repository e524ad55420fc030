/*
 * A council logo for the printed self-assessment: a small PNG or JPEG, checked by its content (not
 * its name) and size before it is kept as a data: URL. Anything else is refused with a reason.
 */
import { toBase64 } from '../../export/base64';
export const LOGO_MAX_BYTES = 200 * 1024;

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; message: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export function readLogo(fileName: string, bytes: Uint8Array): LogoResult {
  if (bytes.length === 0) return { ok: false, message: `${fileName} is empty. Choose a PNG or JPEG image.` };
  if (bytes.length > LOGO_MAX_BYTES) {
    const kb = Math.ceil(bytes.length / 1024);
    return {
      ok: false,
      message: `${fileName} is ${kb} KB; a logo can be at most 200 KB. Save a smaller copy (about 400 pixels wide is plenty) and choose that.`,
    };
  }
  const type = startsWith(bytes, PNG) ? 'image/png' : startsWith(bytes, JPEG) ? 'image/jpeg' : undefined;
  if (!type) {
    return {
      ok: false,
      message: `${fileName} is not a PNG or JPEG image. Save the logo as PNG or JPEG and choose that.`,
    };
  }
  return { ok: true, dataUrl: `data:${type};base64,${toBase64(bytes)}` };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
