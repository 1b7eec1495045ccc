// Finds places in an article worth hovering: weekdays, dates and capitalised names.
// Plain regular expressions on purpose: the benchmark must not depend on the analysis it measures.

export type TargetKind = 'weekday' | 'date' | 'name';

export interface HoverTarget {
  kind: TargetKind;
  /** UTF-16 offsets into the article text, half-open. */
  start: number;
  end: number;
  text: string;
}

const MONTH = '(?:Jan\\.?|January|Feb\\.?|February|March|Mar\\.|April|Apr\\.|May|June|July|Aug\\.?|August|Sept\\.?|September|Oct\\.?|October|Nov\\.?|November|Dec\\.?|December)';

const PATTERNS: Array<[TargetKind, RegExp]> = [
  ['weekday', /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g],
  ['date', new RegExp(`\\b${MONTH} \\d{1,2}(?:, \\d{4})?\\b`, 'g')],
  ['date', /\b(?:19|20)\d{2}(?:-\d\d-\d\d|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\b/g],
  ['name', /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g],
];

export function findHoverTargets(text: string): HoverTarget[] {
  const targets: HoverTarget[] = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      targets.push({ kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return targets.sort((a, b) => a.start - b.start);
}

/** Offsets where each line starts, with LSP line ends (\r\n, \r, \n). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Binary-search offset → LSP position over precomputed line starts. */
export function positionFromStarts(starts: readonly number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - starts[low]! };
}
