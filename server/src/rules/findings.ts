// Comparing findings: a cached rule that finds the same thing again keeps the old object, so an article whose
// findings did not change is not republished (see checkArticle and publishDiagnostics).
import type { Finding } from './types';

/** The same finding, as the editor would show it: span, message, related places and quick-fix data. */
export function sameFinding(a: Finding | undefined, b: Finding | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.ruleId !== b.ruleId || a.start !== b.start || a.end !== b.end || a.message !== b.message || a.severity !== b.severity) return false;
  const ra = a.related ?? [];
  const rb = b.related ?? [];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x.articleId !== y.articleId || x.start !== y.start || x.end !== y.end || x.message !== y.message) return false;
  }
  return sameData(a.data, b.data);
}

/** Deep equality of plain data (what `Finding.data` holds: objects, arrays, strings, numbers, booleans, null). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
