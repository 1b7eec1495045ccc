// UTF-16 offsets (JavaScript, LSP) ↔ code point offsets (Python, brat, doccano, Prodigy).
// Only astral characters (surrogate pairs) differ: they are two UTF-16 units and one code point.

export class CodePointIndex {
  /** UTF-16 offset of the high half of each surrogate pair, in order. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.pairs.push(i++);
      }
    }
  }

  /** Length of the text in code points (a lone surrogate counts as one, as in Python). */
  get length(): number {
    return this.text.length - this.pairs.length;
  }

  /** Code points before a UTF-16 offset. */
  toCodePoint(utf16: number): number {
    // pairs wholly before the offset: pairs[j] + 2 <= utf16
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.pairs[mid]! + 2 <= utf16) low = mid + 1;
      else high = mid;
    }
    return utf16 - low;
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    // pairs whose code point index (pairs[j] - j) is before the offset
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.pairs[mid]! - mid < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  }
}
