// Measures person linking on real news (the Wikinews dev set in ../shared/real-news/wikinews-dev):
//   - the share of person mentions linked to an entry that records a role held on the article's date;
//   - the share of distinct persons named with an office ("Foreign Minister X") who link at all;
//   - a seeded random sample of linked mentions with context, written to a file for checking by hand, and the count
//     of those judged right in test/eval/linking-sample.jsonl.
//
//   npm run eval:linking                       the figures, and the sample written to test/eval/linking-sample.pending.jsonl
//   npm run eval:linking -- --sample N         sample size (default 50)
//   npm run eval:linking -- --seed S           sample seed (default 2026)
//   npm run eval:linking -- --corpus DIR       another folder of articles
//   npm run eval:linking -- --unlinked FILE    also list the persons named with an office who link nowhere, most mentioned first
//
// Reads ../shared (or $CORPUS_LENS_SHARED); says so and exits non-zero when the data is absent.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../server/src/core/article';
import { defaultAnalysisEnvironment } from '../server/src/core/analysis';
import { findEntityMentions, type EntityMentionInText } from '../server/src/core/entities';
import { rolesOn } from '../server/src/core/knowledge/roles';
import { sharedDir } from '../server/src/core/recognition/corpusData';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const root = path.resolve(__dirname, '..');
const JUDGEMENTS = path.join(root, 'test/eval/linking-sample.jsonl');
const PENDING = path.join(root, 'test/eval/linking-sample.pending.jsonl');
const SAMPLE = Number(option('sample') ?? 50);
const SEED = Number(option('seed') ?? 2026);

/** Title words that name an office (not honorifics such as "Mr" or "Dr"). */
const OFFICE_TITLE = /\b(minister|president|secretary|chancellor|governor|king|queen|premier|leader|chairman|chairwoman|speaker|mayor|ambassador|senator|commissioner|director|general|chief|pope|emir|envoy)\b/i;

interface SampleRecord {
  mention: string;
  article: string;
  start: number;
  date: string | null;
  linked: string;
  name: string;
  roleOnDate: string | null;
  confidence: string;
  context: string;
}

interface Judgement {
  mention: string;
  article: string;
  start?: number;
  linked: string;
  right: boolean;
  reason: string;
}

/** A seeded hash of a mention's identity: sampling by smallest hash is uniform and keeps a mention in the sample while other links change, so judgements carry over. */
function sampleRank(seed: number, s: SampleRecord): string {
  return createHash('sha256').update(`${seed}|${s.article}|${s.start}|${s.mention}`).digest('hex');
}

function percent(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a';
}

function main(): number {
  const shared = sharedDir();
  const dir = option('corpus') ?? (shared ? path.join(shared, 'real-news/wikinews-dev') : undefined);
  if (!dir || !fs.existsSync(dir)) {
    console.error(`eval:linking: the real-news corpus is absent (looked for ${dir ?? '../shared/real-news/wikinews-dev'}; set CORPUS_LENS_SHARED or pass --corpus DIR). Nothing measured.`);
    return 1;
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const kb = defaultAnalysisEnvironment().knowledgeBase;
  let personMentions = 0;
  let linkedMentions = 0;
  let roleOnDateMentions = 0;
  let ambiguousMentions = 0;
  const titled = new Map<string, boolean>(); // canonical name of a person named with an office → linked anywhere
  const titledExamples = new Map<string, { count: number; examples: string[] }>(); // for --unlinked
  const linked: SampleRecord[] = [];
  const started = Date.now();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const article = parseArticle(text);
    const date = article.header.dateline?.date;
    const mentions: EntityMentionInText[] = findEntityMentions(article, kb);
    for (const m of mentions) {
      if (m.type !== 'person') continue;
      personMentions++;
      if (m.role && OFFICE_TITLE.test(m.role)) {
        const name = m.canonical.toLowerCase();
        titled.set(name, (titled.get(name) ?? false) || !!m.entityKey);
        const seen = titledExamples.get(name) ?? { count: 0, examples: [] };
        seen.count++;
        if (seen.examples.length < 3) seen.examples.push(`${file.slice(3, 13)} [${m.role}] ${m.text}`);
        titledExamples.set(name, seen);
      }
      if (!m.entityKey) continue;
      linkedMentions++;
      if (m.link?.ambiguous) ambiguousMentions++;
      const entry = kb.entry(m.entityKey);
      const current = entry && date ? rolesOn(entry.roles, date) : [];
      if (current.length) roleOnDateMentions++;
      linked.push({
        mention: m.text, article: file, start: m.start, date: date ? `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : null,
        linked: m.entityKey, name: entry?.name ?? m.canonical, roleOnDate: current.map((r) => r.title).join('; ') || null,
        confidence: m.link ? `${m.link.confidence}${m.link.ambiguous ? ', ambiguous' : ''}` : 'named entry',
        context: text.slice(Math.max(0, m.start - 250), m.end + 250).replace(/\s+/g, ' '),
      });
    }
  }
  const titledLinked = [...titled.values()].filter(Boolean).length;
  console.log(`eval:linking on ${files.length} articles of ${path.relative(root, dir) || dir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`  person mentions                                   ${personMentions}`);
  console.log(`  linked to an entry                                ${linkedMentions} (${percent(linkedMentions, personMentions)})`);
  console.log(`  linked, with a role held on the article's date    ${roleOnDateMentions} (${percent(roleOnDateMentions, personMentions)})   goal ≥ 30%`);
  console.log(`  linked but flagged not sure (ambiguous)           ${ambiguousMentions}`);
  console.log(`  distinct persons named with an office             ${titled.size}, linked ${titledLinked} (${percent(titledLinked, titled.size)})   goal ≥ 60%`);

  const unlinkedFile = option('unlinked');
  if (unlinkedFile) {
    const rows = [...titled].filter(([, ok]) => !ok).map(([name]) => ({ name, ...titledExamples.get(name)! })).sort((a, b) => b.count - a.count);
    fs.writeFileSync(unlinkedFile, rows.map((r) => `${r.count}\t${r.name}\t${r.examples.join(' | ')}`).join('\n') + '\n');
    console.log(`  ${rows.length} unlinked persons named with an office listed in ${unlinkedFile}`);
  }

  // A seeded sample of the linked mentions, for checking by hand.
  const sample = linked.map((s) => ({ s, rank: sampleRank(SEED, s) })).sort((a, b) => a.rank.localeCompare(b.rank)).slice(0, SAMPLE).map((x) => x.s);
  fs.writeFileSync(PENDING, sample.map((s) => JSON.stringify(s)).join('\n') + '\n');
  console.log(`  sample of ${sample.length} linked mentions (seed ${SEED}) written to ${path.relative(root, PENDING)}`);

  const judgements: Judgement[] = fs.existsSync(JUDGEMENTS)
    ? fs.readFileSync(JUDGEMENTS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Judgement)
    : [];
  const judged = sample.map((s) => judgements.find((j) => j.article === s.article && j.mention === s.mention && j.linked === s.linked && (j.start === undefined || j.start === s.start)));
  const done = judged.filter((j): j is Judgement => !!j);
  const right = done.filter((j) => j.right).length;
  console.log(`  hand-checked (${path.relative(root, JUDGEMENTS)}): ${done.length} of ${sample.length} judged, ${right} right (${percent(right, done.length)})   goal ≥ 90%`);
  if (done.length < sample.length) console.log(`  ${sample.length - done.length} sampled mentions have no judgement yet: see the pending file`);
  return 0;
}

process.exitCode = main();
