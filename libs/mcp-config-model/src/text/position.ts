/** Offsets to 1-based line:column, and the byte-level checks done before parsing. */

export const BOM = '\uFEFF';

/** Maps character offsets of one text to 1-based line and column. Lines end at `\n`. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Split a leading byte-order mark from the text (kept separately so a write can put it back). */
export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/** Index of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= buf.length) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode UTF-8 strictly. Returns the text, or the 1-based line and column of the first invalid
 * byte (column counted in characters of the valid text before it).
 */
export function decodeUtf8(buf: Uint8Array): { text: string } | { invalidAt: { line: number; column: number; byte: number } } {
  const bad = firstInvalidUtf8(buf);
  if (bad === -1) return { text: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8') };
  const before = Buffer.from(buf.buffer, buf.byteOffset, bad).toString('utf8');
  const pos = new LineIndex(before).position(before.length);
  return { invalidAt: { ...pos, byte: bad } };
}
