// Writing annotations: escaping of surfaces and values, canonical attribute order.
import { KEY_ORDER } from './schema';
import type { AnnotationSpec, AttributeInput } from './types';

const BACKSLASH = 92;
const CR = 13;
const LF = 10;

/** Escapes a surface: "\" before "\", "|", "[", "]" and before each line break (CRLF counts as one). */
export function escapeSurface(surface: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c === BACKSLASH || c === 124 /* | */ || c === 91 /* [ */ || c === 93 /* ] */ || c === LF || c === CR) {
      out += surface.slice(from, i) + '\\';
      from = i;
      if (c === CR && surface.charCodeAt(i + 1) === LF) i++;
    }
  }
  return out + surface.slice(from);
}

/** Characters that end a bare (unquoted) word inside an annotation. */
export function isWordBreak(c: number): boolean {
  return (
    c === 34 /* " */ || c === 61 /* = */ || c === 91 || c === 93 || c === 124 || c === BACKSLASH || isAnnotationWhitespace(c) || c === LF || c === CR
  );
}

/** Whitespace that separates items inside an annotation (line breaks are not: they end it). */
export function isAnnotationWhitespace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A value as written: bare when it is one word, else quoted with \" \\ \n \r \t \[ \] escapes. */
export function formatValue(value: string): string {
  let bare = value.length > 0;
  for (let i = 0; bare && i < value.length; i++) if (isWordBreak(value.charCodeAt(i))) bare = false;
  if (bare) return value;
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case '\\': out += '\\\\'; break;
      case '"': out += '\\"'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '[': out += '\\['; break;
      case ']': out += '\\]'; break;
      default: out += ch;
    }
  }
  return `${out}"`;
}

/** Attributes as key/value pairs in canonical order: known keys by KEY_ORDER, then the others as given. */
export function orderedAttributes(attributes: AttributeInput | undefined): Array<{ key: string; value: string }> {
  const list: Array<{ key: string; value: string }> = [];
  if (Array.isArray(attributes)) {
    for (const a of attributes as ReadonlyArray<{ key: string; value: string }>) list.push({ key: a.key, value: a.value });
  } else if (attributes) {
    for (const [key, value] of Object.entries(attributes as Record<string, string | number | undefined | null>)) {
      if (value !== undefined && value !== null) list.push({ key, value: String(value) });
    }
  }
  const rank = (key: string) => {
    const i = KEY_ORDER.indexOf(key);
    return i < 0 ? KEY_ORDER.length : i;
  };
  return list
    .map((a, index) => ({ a, index, rank: rank(a.key) }))
    .sort((x, y) => x.rank - y.rank || x.index - y.index)
    .map((x) => x.a);
}

/**
 * The inline form: `[[surface|type key=value …]]`, surface escaped, values quoted when needed, keys in
 * canonical order. Types and keys are written as given: they should be names ([A-Za-z][A-Za-z0-9_-]*).
 */
export function formatAnnotation(spec: AnnotationSpec): string {
  let out = `[[${escapeSurface(spec.surface)}|${spec.type}`;
  for (const { key, value } of orderedAttributes(spec.attributes)) out += ` ${key}=${formatValue(value)}`;
  return `${out}]]`;
}
