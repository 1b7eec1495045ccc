// Builds the news-wire dev set (dev/<doc>.txt, .gold.jsonl, .other.jsonl) from stories.src.txt, where each name is
// marked inline as [Name]{type}. See README.md for the markup and the annotation conventions.
//
//   node test/eval/newswire/build.mjs           write dev/
//   node test/eval/newswire/build.mjs --check   verify dev/ matches the source and every span slices its text
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Markup tag → gold record fields; `other` kinds go to <doc>.other.jsonl, as in the GUM set. */
const TAGS = {
  per: { type: 'person' },
  loc: { type: 'place' },
  org: { type: 'organization' },
  'org/loc': { type: 'organization', alt_type: 'place' },
  'loc/org': { type: 'place', alt_type: 'organization' },
  evt: { type: 'event', other: true },
  misc: { type: 'object', other: true },
};

/**
 * One story: clean text plus its name spans (UTF-16 offsets). A name inside another person, place or organization
 * name is nested; one inside an event or object name is not ("Spain" in "Tour of Spain"), as in the GUM set.
 */
export function parseStory(name, marked) {
  let text = '';
  const open = [];
  const spans = [];
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch === '[') {
      open.push(text.length);
      continue;
    }
    if (ch === ']' && marked[i + 1] === '{') {
      const close = marked.indexOf('}', i);
      const tag = marked.slice(i + 2, close);
      if (!(tag in TAGS)) throw new Error(`${name}: unknown tag {${tag}}`);
      if (!open.length) throw new Error(`${name}: "]" without "[" at ${i}`);
      const start = open.pop();
      spans.push({ start, end: text.length, tag });
      i = close;
      continue;
    }
    if (ch === ']' || ch === '{' || ch === '}') throw new Error(`${name}: stray "${ch}" at ${i}`);
    text += ch;
  }
  if (open.length) throw new Error(`${name}: unclosed "["`);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const gold = [];
  const other = [];
  for (const s of spans) {
    const { type, alt_type, other: isOther } = TAGS[s.tag];
    const record = { start: s.start, end: s.end, text: text.slice(s.start, s.end), type };
    if (isOther) other.push(record);
    else gold.push({ ...record, nested: spans.some((o) => o !== s && !TAGS[o.tag].other && o.start <= s.start && s.end <= o.end), ...(alt_type ? { alt_type } : {}) });
  }
  return { name, text, gold, other };
}

/** Every story of the source file: blocks opened by "=== <doc name>" lines. */
export function parseStories(source) {
  const stories = [];
  for (const block of source.split(/^=== /m).slice(1)) {
    const newline = block.indexOf('\n');
    const name = block.slice(0, newline).trim();
    stories.push(parseStory(name, `${block.slice(newline + 1).trim()}\n`));
  }
  return stories;
}

const jsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');

/** The files of the set, by file name. */
export function buildFiles(source) {
  const files = new Map();
  for (const story of parseStories(source)) {
    files.set(`${story.name}.txt`, story.text);
    files.set(`${story.name}.gold.jsonl`, jsonl(story.gold));
    if (story.other.length) files.set(`${story.name}.other.jsonl`, jsonl(story.other));
  }
  return files;
}

/** Problems with dev/: files that differ from the source, and spans that do not slice their text. */
export function checkSet(devDir = join(here, 'dev'), source = readFileSync(join(here, 'stories.src.txt'), 'utf8')) {
  const problems = [];
  const expected = buildFiles(source);
  const present = existsSync(devDir) ? readdirSync(devDir) : [];
  for (const [file, content] of expected) {
    if (!present.includes(file)) problems.push(`${file}: missing`);
    else if (readFileSync(join(devDir, file), 'utf8') !== content) problems.push(`${file}: differs from stories.src.txt (rebuild)`);
  }
  for (const file of present) if (!expected.has(file)) problems.push(`${file}: not in stories.src.txt`);
  for (const file of present.filter((f) => f.endsWith('.jsonl'))) {
    const textFile = join(devDir, file.replace(/\.(?:gold|other)\.jsonl$/, '.txt'));
    if (!existsSync(textFile)) continue;
    const text = readFileSync(textFile, 'utf8');
    for (const line of readFileSync(join(devDir, file), 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line);
      if (text.slice(r.start, r.end) !== r.text) problems.push(`${file}: ${JSON.stringify(r.text)} at ${r.start}-${r.end} slices ${JSON.stringify(text.slice(r.start, r.end))}`);
      if (r.text !== r.text.trim() || /^the /.test(r.text) || /['’]s$/.test(r.text)) problems.push(`${file}: ${JSON.stringify(r.text)} keeps spaces, "the" or a possessive`);
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const problems = checkSet();
    for (const p of problems) console.error(p);
    console.log(problems.length ? `${problems.length} problem(s)` : 'news-wire set: every file matches the source and every span slices its text');
    process.exit(problems.length ? 1 : 0);
  }
  const devDir = join(here, 'dev');
  rmSync(devDir, { recursive: true, force: true });
  mkdirSync(devDir, { recursive: true });
  const files = buildFiles(readFileSync(join(here, 'stories.src.txt'), 'utf8'));
  for (const [file, content] of files) writeFileSync(join(devDir, file), content);
  console.log(`wrote ${files.size} files to ${devDir}`);
}
