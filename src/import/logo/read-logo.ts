/*
 * A council logo for the printed self-assessment: a PNG or JPEG, checked by its content (not its name),
 * its size and the dimensions in its header before anything decodes it, then decoded and re-encoded no
 * larger than LOGO_MAX_SIDE pixels and kept as a data: URL. Anything else is refused with a reason.
 */
import { toBase64 } from '../../export/base64';
import { encodeInBrowser, type LogoEncoder } from './logo-encode';
import { readLogoHeader, type OtherFormat } from './logo-header';

export const LOGO_MAX_BYTES = 200 * 1024;
/** Decoding needs four bytes a pixel: 16 megapixels is 64 MB, and far more than a logo needs. */
export const LOGO_MAX_PIXELS = 16_000_000;
/** The longer side of the logo as stored; it prints about 2 cm tall. */
export const LOGO_MAX_SIDE = 1000;

export type LogoResult =
  { ok: true; dataUrl: string; width: number; height: number } | { ok: false; message: string };

const FORMAT_WORDS: Record<OtherFormat, string> = {
  GIF: 'a GIF image',
  WebP: 'a WebP image',
  AVIF: 'an AVIF image',
  HEIC: 'a HEIC photo',
  BMP: 'a BMP image',
  TIFF: 'a TIFF image',
  SVG: 'an SVG image',
  PDF: 'a PDF',
};

const refuse = (message: string): LogoResult => ({ ok: false, message });
const number = (n: number) => n.toLocaleString('en-GB');

export async function readLogo(
  fileName: string,
  bytes: Uint8Array,
  encode: LogoEncoder = encodeInBrowser,
): Promise<LogoResult> {
  if (bytes.length === 0) return refuse(`${fileName} is empty. Choose a PNG or JPEG image.`);
  if (bytes.length > LOGO_MAX_BYTES) {
    const kb = Math.ceil(bytes.length / 1024);
    return refuse(
      `${fileName} is ${kb} KB; a logo can be at most 200 KB. Save a smaller copy (about 1,000 pixels wide is plenty) and choose that.`,
    );
  }
  const header = readLogoHeader(bytes);
  if (!header.ok) {
    if (header.problem === 'not-png-or-jpeg')
      return refuse(
        header.format
          ? `${fileName} is ${FORMAT_WORDS[header.format]}, not a PNG or JPEG.${header.format === 'SVG' ? ' SVG files can carry scripts, so they are not accepted.' : ''} Save the logo as PNG or JPEG and choose that.`
          : `${fileName} is not a PNG or JPEG image. Save the logo as PNG or JPEG and choose that.`,
      );
    const type = header.problem === 'damaged-png' ? 'PNG' : 'JPEG';
    return refuse(
      `${fileName} starts like a ${type} image but is damaged or incomplete. Open it in an image editor, save it again as PNG or JPEG, and choose that.`,
    );
  }
  const pixels = header.width * header.height;
  if (pixels > LOGO_MAX_PIXELS) {
    return refuse(
      `${fileName} is ${number(header.width)} × ${number(header.height)} pixels (${number(Math.round(pixels / 1e6))} megapixels); a logo can be at most ${LOGO_MAX_PIXELS / 1e6} megapixels. Save a smaller copy (about 1,000 pixels wide is plenty) and choose that.`,
    );
  }
  const encoded = await encode(bytes, header, LOGO_MAX_SIDE);
  // What is stored is checked like anything else: it must itself be a whole image of the same type.
  const stored = encoded ? readLogoHeader(encoded) : undefined;
  if (!encoded || !stored?.ok || stored.type !== header.type) {
    return refuse(
      `${fileName} could not be read as an image: it may be damaged. Open it in an image editor, save it again as PNG or JPEG, and choose that.`,
    );
  }
  return {
    ok: true,
    dataUrl: `data:${stored.type};base64,${toBase64(encoded)}`,
    width: stored.width,
    height: stored.height,
  };
}
