/*
 * How large a zip (an .xlsx file) says it will be once inflated, read from its central directory
 * without inflating anything: the guard against zip bombs. A directory that cannot be read, or sizes
 * that need ZIP64, count as too large for a case list.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

const EOCD = 0x06054b50;
const ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export type InflatedSize = { ok: true; bytes: number } | { ok: false; problem: string };

export function inflatedSizeOf(zip: Uint8Array): InflatedSize {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0)
    return { ok: false, problem: 'it is not a complete .xlsx file (its zip directory is missing)' };
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== ENTRY) {
      return { ok: false, problem: 'its zip directory is damaged' };
    }
    // A directory that points at something other than a file's own header lies about the zip: say it is
    // damaged now, rather than let the reader find an "empty first sheet" seconds later.
    const local = view.getUint32(offset + 42, true);
    if (local + 4 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) {
      return { ok: false, problem: 'its zip directory is damaged' };
    }
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return { ok: false, problem: 'it expands to more than 4 GB' };
    total += size;
    if (total > MAX_INFLATED_BYTES)
      return { ok: false, problem: 'it expands to more than 100 MB when opened' };
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return { ok: true, bytes: total };
}

function findEndOfDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at -= 1) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** An .xlsx file is a zip: it starts with "PK". CSV text never does in practice. */
export function isZipFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
