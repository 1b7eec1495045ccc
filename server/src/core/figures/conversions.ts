// Amounts restated in another currency or unit: "789m euros ($1.03bn; £548m)", "ISK 11,000 million (Euro 142 million)",
// "2,000 km (1,200 miles)", "2000 km or 1,240 miles". The restatements are one amount written several ways, not
// further claims: each is marked as a conversion of the first, so that no rule compares it or calls it a unit clash.
import type { FigureCore } from './grammar';
import { Tk, type FigToken } from './scanner';

/** Separators between the restatements inside one bracket: "($1.03bn; £548m)", "(US$2.19bn / €1.7bn)". */
const CHAIN_SEPARATORS = new Set([';', ',', '/', 'or']);
/** What may close a restatement in brackets. */
const CLOSERS = new Set([')', ';', '/', ',', 'or']);

/** Marks every core that restates the amount before it. One pass over the cores; each look-around is a few tokens. */
export function markConversions(tokens: FigToken[], cores: FigureCore[]): void {
  for (let n = 1; n < cores.length; n++) {
    const c = cores[n]!;
    if (c.kind !== 'money' && c.kind !== 'measure') continue;
    const p = cores[n - 1]!;
    const root = p.conversionOf ?? n - 1;
    const original = cores[root]!;
    if (!restates(original, c)) continue;
    if (!restatementGap(tokens, p, c, original)) continue;
    c.conversionOf = root;
    c.writing.conversionOf = root;
  }
}

/** The same quantity in another currency or unit (an amount in a currency the grammar does not know counts too). */
function restates(original: FigureCore, c: FigureCore): boolean {
  if (original.kind === 'count' && c.kind === 'money') return original.unit === '';
  if (original.dimension !== c.dimension || original.kind !== c.kind) return false;
  return original.unit !== c.unit;
}

function text(tokens: FigToken[], k: number): string {
  const t = tokens[k];
  return t ? (t.kind === Tk.Word ? t.lower : t.text) : '';
}

/** The tokens between the previous figure and this one make it a restatement, and it ends like one. */
function restatementGap(tokens: FigToken[], p: FigureCore, c: FigureCore, original: FigureCore): boolean {
  const gap = c.first - p.last - 1;
  if (p.conversionOf !== undefined) {
    // The next restatement inside the same bracket.
    const ok = (gap === 1 && CHAIN_SEPARATORS.has(text(tokens, p.last + 1))) ||
      (gap === 2 && text(tokens, p.last + 1) === ',' && text(tokens, p.last + 2) === 'or');
    return ok && closes(tokens, c);
  }
  if (gap === 1 && text(tokens, p.last + 1) === '(') return closes(tokens, c);
  // "20,000 dinars (US$10,978)": the unknown currency's name, then the bracket.
  if (original.kind === 'count' && gap >= 2 && gap <= 3 && text(tokens, c.first - 1) === '(') {
    for (let k = p.last + 1; k < c.first - 1; k++) if (tokens[k]!.kind !== Tk.Word) return false;
    return closes(tokens, c);
  }
  // "2000 km or 1,240 miles", "£24bn, or $32bn": the same dimension in another unit.
  if (original.kind === c.kind) {
    return (gap === 1 && text(tokens, p.last + 1) === 'or') || (gap === 2 && text(tokens, p.last + 1) === ',' && text(tokens, p.last + 2) === 'or');
  }
  return false;
}

function closes(tokens: FigToken[], c: FigureCore): boolean {
  const after = tokens[c.last + 1];
  return !!after && CLOSERS.has(after.kind === Tk.Word ? after.lower : after.text);
}
