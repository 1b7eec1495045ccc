// Name normalization for look-ups: case, diacritics, apostrophes, possessives and abbreviation dots do not matter.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Zelenskyy’s" → "zelenskyy", "U.S." → "us", "Lwów" → "lwow", "DMYTRO KULEBA" → "dmytro kuleba". */
export function normalizeName(name: string): string {
  // Most names are plain ASCII: skip Unicode normalization for them (the gazetteer normalizes 120,000 names at load).
  let s = /[^\x20-\x7e]/.test(name) ? name.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/â€™/g, "'").replace(/[’‘`´]/g, "'") : name;
  s = s.replace(/'s$|'$/i, '');
  if (/[.\-‐–—]|\s\s|^\s|\s$/.test(s)) s = s.replace(/\./g, '').replace(/[-‐–—]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.toLowerCase();
  return s.startsWith('the ') ? s.slice(4) : s;
}

/** True when every letter is upper case and there are at least two of them: "DMYTRO KULEBA", not "NATO" alone. */
export function isAllCapsName(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && /\s/.test(text.trim()) && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "DMYTRO KULEBA" → "Dmytro Kuleba". */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
