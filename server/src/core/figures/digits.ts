// Reading digits with separators: "150,000", "4,500", "67.7", "1.234.567,89", "150 000", and saying what is off.

export interface ParsedDigits {
  value: number;
  /** Digits after the decimal mark. */
  decimals: number;
  /** Zeros at the end of the integer part, when there are no decimals ("150,000" → 4). */
  trailingZeros: number;
  thousandsSeparator?: ',' | '.' | ' ';
  decimalMark?: '.' | ',';
  /** What is inconsistent in the separators, if anything. */
  problem?: string;
  /** Shaped like a version number, an IP address or a zero-padded code: not a quantity. */
  code?: boolean;
}

/** Longer digit runs are identifiers or junk, never figures. */
export const MAX_DIGITS_LENGTH = 32;

function isGroupSeparator(c: string): boolean {
  return c === ',' || c === '.' || c === ' ' || c === '\u00a0' || c === '\u202f' || c === '\u2009';
}

export function parseDigits(raw: string): ParsedDigits | undefined {
  if (raw.length === 0 || raw.length > MAX_DIGITS_LENGTH) return undefined;
  const groups: string[] = [];
  const seps: string[] = [];
  let current = '';
  for (const c of raw) {
    if (isGroupSeparator(c)) {
      groups.push(current);
      seps.push(c === ',' || c === '.' ? c : ' ');
      current = '';
    } else {
      current += c;
    }
  }
  groups.push(current);
  const first = groups[0]!;
  const bareInteger = (s: string) => trailingZerosOf(s);

  if (seps.length === 0) {
    const result: ParsedDigits = { value: Number(raw), decimals: 0, trailingZeros: bareInteger(raw) };
    if (raw.length > 1 && raw[0] === '0') result.code = true;
    return result;
  }
  const commas = seps.filter((s) => s === ',').length;
  const dots = seps.filter((s) => s === '.').length;
  const spaces = seps.length - commas - dots;
  const threes = (from: number, to: number) => groups.slice(from, to).every((g) => g.length === 3);
  const firstOk = first.length >= 1 && first.length <= 3;

  // One kind of separator.
  if (spaces === seps.length) {
    const result = integerResult(groups, ' ');
    if (!firstOk || !threes(1, groups.length)) result.problem = 'digit groups of three expected between the spaces';
    return result;
  }
  if (commas === seps.length) {
    if (firstOk && threes(1, groups.length)) return integerResult(groups, ',');
    if (commas === 1 && groups[1]!.length < 3) {
      // "7,4": a decimal comma
      return {
        value: Number(`${first}.${groups[1]}`), decimals: groups[1]!.length, trailingZeros: 0, decimalMark: ',',
      };
    }
    const result = integerResult(groups, ',');
    result.problem = 'groups of three digits expected between commas';
    return result;
  }
  if (dots === seps.length) {
    if (dots === 1) {
      return { value: Number(raw), decimals: groups[1]!.length, trailingZeros: 0, decimalMark: '.' };
    }
    if (firstOk && threes(1, groups.length)) return integerResult(groups, '.');
    return { value: Number(`${first}.${groups[1]}`), decimals: groups[1]!.length, trailingZeros: 0, code: true };
  }
  // Mixed: English "1,234.5" or European "1.234,5".
  const last = seps[seps.length - 1]!;
  const before = seps.slice(0, -1);
  const intGroups = groups.slice(0, -1);
  const fraction = groups[groups.length - 1]!;
  if (spaces === 0 && before.every((s) => s !== last) && new Set(before).size === 1) {
    const thousands = before[0] as ',' | '.';
    const result: ParsedDigits = {
      value: Number(`${intGroups.join('')}.${fraction}`), decimals: fraction.length, trailingZeros: 0,
      thousandsSeparator: thousands, decimalMark: last as ',' | '.',
    };
    if (!(firstOk && threes(1, intGroups.length))) result.problem = `groups of three digits expected between "${thousands}" separators`;
    return result;
  }
  if (spaces > 0 && commas + dots === 1 && last !== ' ') {
    const result: ParsedDigits = {
      value: Number(`${intGroups.join('')}.${fraction}`), decimals: fraction.length, trailingZeros: 0,
      thousandsSeparator: ' ', decimalMark: last as ',' | '.',
    };
    if (!(firstOk && threes(1, intGroups.length))) result.problem = 'digit groups of three expected between the spaces';
    return result;
  }
  const digitsOnly = raw.replace(/[^\d]/g, '');
  return {
    value: Number(digitsOnly), decimals: 0, trailingZeros: trailingZerosOf(digitsOnly),
    problem: 'inconsistent separators: commas and points both used as thousands separators or decimal marks',
  };
}

function integerResult(groups: string[], sep: ',' | '.' | ' '): ParsedDigits {
  const digits = groups.join('');
  return { value: Number(digits), decimals: 0, trailingZeros: trailingZerosOf(digits), thousandsSeparator: sep };
}

function trailingZerosOf(s: string): number {
  let zeros = 0;
  for (let k = s.length - 1; k > 0 && s[k] === '0'; k--) zeros++;
  return zeros;
}
