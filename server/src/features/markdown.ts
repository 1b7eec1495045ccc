// Markdown for hovers. Article and knowledge-base text is never trusted: escape everything it contains.

// Inline markdown syntax, HTML and table pipes. Punctuation that only matters at the start of a line is handled there.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>&|~!$]/g;
const LINE_START_SYNTAX = /^(\s*)([-+#>=]|\d+[.)])/;

export function escapeMarkdown(text: string): string {
  const flat = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(MARKDOWN_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
  // "1. " or "- " at the start would turn the text into a list when it opens a paragraph.
  return flat.replace(LINE_START_SYNTAX, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`);
}

/** Inline code that cannot be broken out of: the fence is longer than any run of backticks inside. */
export function inlineCode(text: string): string {
  const clean = text.replace(/\r\n|\r|\n/g, ' ');
  let fence = '`';
  while (clean.includes(fence)) fence += '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
