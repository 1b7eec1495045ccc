// Measures the rules on real news: runs every rule over a folder of real articles (by default the Wikinews dev set in
// ../shared/real-news/wikinews-dev) and scores the findings against hand labels kept in the project.
//
//   npm run eval:findings                          per rule: findings per 100 articles, precision (95 % interval),
//                                                  and recall on the labelled cross-article pairs
//   npm run eval:findings -- --pending FILE        write the sampled findings that have no label yet, with context
//   npm run eval:findings -- --show RULE           print the rule's sample with its labels and context
//   npm run eval:findings -- --sample N            sample size per rule (default 40)
//   npm run eval:findings -- --json                the table as one JSON object
//   npm run eval:findings -- --corpus DIR          another folder of articles (labels are matched by file name)
//   npm run eval:findings -- --explain             for each missed pair, the two figures' evidence and what tells them apart
//
// The sample of a rule is the N findings with the smallest hash of their identity (file, rule, span, text): a uniform
// random sample that stays put while the rule changes, so labels carry over and only new findings need labelling.
// Labels: test/eval/findings-labels.jsonl. Pairs: test/eval/claim-pairs.jsonl. Criteria: docs/evaluation.md.
// Reads ../shared (or $CORPUS_LENS_SHARED); says so and exits non-zero when the data is absent.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleMatcher, fileUri, findArticleFiles, readArticleFile } from '../server/src/core/corpusFiles';
import { CorpusIndex, type AnalyzedArticle } from '../server/src/core/corpusIndex';
import { sharedDir } from '../server/src/core/recognition/corpusData';
import { clusterIdOf, dayOf } from '../server/src/core/figures/clusters';
import { figureCorpusOf } from '../server/src/core/figures/corpusFigures';
import { CONFLICT_MAX_RATIO, storySimilarity, whyDifferent } from '../server/src/core/figures/identity';
import type { Figure } from '../server/src/core/figures/types';
import { checkArticle, RULES, type CheckedFinding } from '../server/src/rules';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const root = path.resolve(__dirname, '..');
const LABELS = path.join(root, 'test/eval/findings-labels.jsonl');
const PAIRS = path.join(root, 'test/eval/claim-pairs.jsonl');
const SAMPLE = Number(option('sample') ?? 40);
/** Rules whose findings link a figure to the same quantity in another article: they are what recall measures. */
const CROSS_ARTICLE_FIGURE_RULES = new Set(['conflicting-figure', 'revised-figure', 'superseded-figure']);
const VISIBLE = new Set(['error', 'warning', 'information']);

export interface Place {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface FindingRecord extends Place {
  rule: string;
  severity: string;
  message: string;
  related: Array<Place & { message: string }>;
  key: string;
  hash: string;
}

export interface Label {
  file: string;
  rule: string;
  start: number;
  end: number;
  text: string;
  label: boolean;
  reason: string;
}

export interface PairLabel {
  a: Place;
  b: Place;
  /** conflict: the two cannot both be right; revision: one updates the other; compatible: both can hold. */
  relation: 'conflict' | 'revision' | 'compatible';
  note?: string;
}

function keyOf(file: string, rule: string, start: number, end: number): string {
  return `${file}\u0000${rule}\u0000${start}\u0000${end}`;
}

function readJsonl<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as T;
    } catch {
      throw new Error(`${path.relative(root, file)}:${i + 1}: not JSON`);
    }
  });
}

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

async function loadArticles(dir: string): Promise<{ corpus: CorpusIndex; names: Map<string, string> }> {
  const files = await findArticleFiles(dir, articleMatcher({ include: ['**/*.txt'], exclude: [] }, dir));
  files.sort();
  const corpus = new CorpusIndex();
  const names = new Map<string, string>();
  for (const file of files) {
    const read = await readArticleFile(file, 5 * 1024 * 1024);
    if (!read.ok) continue;
    const id = fileUri(file);
    corpus.setFromDisk(id, read.text);
    names.set(id, path.relative(dir, file));
  }
  return { corpus, names };
}

function documentSpan(article: AnalyzedArticle, f: { start: number; end: number; offsets?: string }): [number, number] {
  if (f.offsets === 'document') return [f.start, f.end];
  return [article.positions.toDocumentOffset(f.start), article.positions.toDocumentOffset(f.end)];
}

export async function collectFindings(dir: string): Promise<{ findings: FindingRecord[]; articles: number; corpus: CorpusIndex; names: Map<string, string> }> {
  const { corpus, names } = await loadArticles(dir);
  const findings: FindingRecord[] = [];
  for (const article of corpus.articles()) {
    const file = names.get(article.id)!;
    for (const f of checkArticle(article, corpus) as CheckedFinding[]) {
      const [start, end] = documentSpan(article, f);
      const related = (f.related ?? []).flatMap((r) => {
        const other = corpus.get(r.articleId);
        if (!other) return [];
        const [s, e] = documentSpan(other, r);
        return [{ file: names.get(r.articleId) ?? r.articleId, start: s, end: e, text: other.documentText.slice(s, e), message: r.message }];
      });
      const text = article.documentText.slice(start, end);
      const key = keyOf(file, f.ruleId, start, end);
      findings.push({ file, rule: f.ruleId, severity: f.severity, start, end, text, message: f.message, related, key, hash: createHash('sha1').update(`${key}\u0000${text}`).digest('hex') });
    }
  }
  return { findings, articles: corpus.size, corpus, names };
}

/** The paragraph around a span, with the span marked, for labelling. */
function context(corpus: CorpusIndex, dir: string, place: Place, width = 700): string {
  const text = fs.readFileSync(path.join(dir, place.file), 'utf8').replace(/^\uFEFF/, '');
  const from = Math.max(0, text.lastIndexOf('\n\n', place.start) + 2, place.start - width / 2);
  let to = text.indexOf('\n\n', place.end);
  if (to < 0 || to - place.end > width / 2) to = Math.min(text.length, place.end + width / 2);
  void corpus;
  const head = text.split('\n').slice(0, 2).join(' | ');
  return `[${head}] …${text.slice(from, place.start)}⟦${text.slice(place.start, place.end)}⟧${text.slice(place.end, to)}…`.replace(/\n+/g, ' ¶ ');
}

function overlaps(a: Place, b: Place): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

async function main(): Promise<void> {
  const shared = sharedDir();
  const dir = option('corpus') ? path.resolve(option('corpus')!) : shared && path.join(shared, 'real-news', 'wikinews-dev');
  if (!dir || !fs.existsSync(dir)) {
    console.error('eval-findings: the real-news set was not found. Put the shared data folder beside the project ' +
      '(../shared/real-news/wikinews-dev) or set CORPUS_LENS_SHARED, or name a folder with --corpus DIR.');
    process.exit(1);
  }
  const started = Date.now();
  const { findings, articles, corpus, names } = await collectFindings(dir);
  const labels = readJsonl<Label>(LABELS);
  const labelByKey = new Map(labels.map((l) => [keyOf(l.file, l.rule, l.start, l.end), l]));
  const findingKeys = new Set(findings.map((f) => f.key));
  const byRule = new Map<string, FindingRecord[]>();
  for (const f of findings) {
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }

  interface Row {
    rule: string;
    severity: string;
    findings: number;
    per100: number;
    sample: number;
    labelled: number;
    truePositives: number;
    precision: number | null;
    interval: [number, number] | null;
    staleText: number;
    /** Findings shown in Problems (error, warning, information; a rule may lower single findings to hints). */
    shownPer100: number;
  }
  const rows: Row[] = [];
  const pending: Array<FindingRecord & { context: string; relatedContext: string[] }> = [];
  const show = option('show');
  for (const rule of RULES) {
    const list = byRule.get(rule.id) ?? [];
    const sample = [...list].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0)).slice(0, SAMPLE);
    let labelled = 0;
    let tp = 0;
    let staleText = 0;
    for (const f of sample) {
      const l = labelByKey.get(f.key);
      if (!l || l.text !== f.text) {
        if (l) staleText++;
        pending.push({ ...f, context: context(corpus, dir, f), relatedContext: f.related.slice(0, 3).map((r) => context(corpus, dir, r, 400)) });
        continue;
      }
      labelled++;
      if (l.label) tp++;
    }
    if (show === rule.id) {
      for (const f of sample) {
        const l = labelByKey.get(f.key);
        console.log(`\n${l ? (l.label ? 'TRUE ' : 'FALSE') : 'UNLABELLED'} ${f.file} ${f.start}-${f.end} ${f.severity}: ${f.message}`);
        if (l) console.log(`  reason: ${l.reason}`);
        console.log(`  ${context(corpus, dir, f)}`);
        for (const r of f.related.slice(0, 3)) console.log(`  related ${r.file}: ${context(corpus, dir, r, 300)}`);
      }
    }
    const severity = rule.defaultSeverity;
    rows.push({
      rule: rule.id,
      severity,
      findings: list.length,
      per100: (100 * list.length) / articles,
      sample: sample.length,
      labelled,
      truePositives: tp,
      precision: labelled ? tp / labelled : null,
      interval: labelled ? wilson(tp, labelled) : null,
      staleText,
      shownPer100: (100 * list.filter((f) => VISIBLE.has(f.severity)).length) / articles,
    });
  }

  // Cross-article pairs: a pair is found when a cross-article figure finding on one side relates the other side.
  const pairs = readJsonl<PairLabel>(PAIRS);
  const crossFindings = findings.filter((f) => CROSS_ARTICLE_FIGURE_RULES.has(f.rule));
  const linked = (p: PairLabel, visibleOnly: boolean) => crossFindings.some((f) =>
    (!visibleOnly || VISIBLE.has(f.severity)) &&
    ((overlaps(f, p.a) && f.related.some((r) => overlaps(r, p.b))) || (overlaps(f, p.b) && f.related.some((r) => overlaps(r, p.a)))));
  const positives = pairs.filter((p) => p.relation !== 'compatible');
  const compatible = pairs.filter((p) => p.relation === 'compatible');
  const found = positives.filter((p) => linked(p, false));
  const foundVisible = positives.filter((p) => linked(p, true));
  const falseAlarms = compatible.filter((p) => linked(p, false));

  const visible = findings.filter((f) => VISIBLE.has(f.severity)).length;
  const orphanLabels = labels.filter((l) => !findingKeys.has(keyOf(l.file, l.rule, l.start, l.end))).length;
  const result = {
    corpus: path.basename(dir),
    articles,
    seconds: (Date.now() - started) / 1000,
    visiblePer100: (100 * visible) / articles,
    rules: rows,
    pairs: {
      labelled: pairs.length,
      positives: positives.length,
      found: found.length,
      foundVisible: foundVisible.length,
      recall: positives.length ? found.length / positives.length : null,
      recallVisible: positives.length ? foundVisible.length / positives.length : null,
      compatible: compatible.length,
      falseAlarms: falseAlarms.length,
      missed: positives.filter((p) => !linked(p, false)).map((p) => `${p.a.file} "${p.a.text}" ↔ ${p.b.file} "${p.b.text}"`),
    },
    unlabelledInSample: pending.length,
    labelsNoLongerMatching: orphanLabels,
  };

  if (option('pending')) {
    const out = path.resolve(option('pending')!);
    fs.writeFileSync(out, pending.map((p) => JSON.stringify({ file: p.file, rule: p.rule, start: p.start, end: p.end, text: p.text, severity: p.severity, message: p.message, context: p.context, related: p.relatedContext, relatedPlaces: p.related.slice(0, 3).map((r) => ({ file: r.file, start: r.start, end: r.end, text: r.text })) })).join('\n') + (pending.length ? '\n' : ''));
    console.error(`eval-findings: ${pending.length} sampled findings without a label written to ${out}`);
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result));
    return;
  }
  const fmt = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));
  console.log(`Findings on ${result.corpus}: ${articles} articles, ${findings.length} findings (${result.seconds.toFixed(1)} s)`);
  console.log('');
  console.log('| rule | default | per 100 articles | shown per 100 | sample | labelled | true | precision | 95 % interval |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const interval = r.interval ? `${r.interval[0].toFixed(2)}–${r.interval[1].toFixed(2)}` : '–';
    console.log(`| ${r.rule} | ${r.severity} | ${r.per100.toFixed(1)} | ${r.shownPer100.toFixed(1)} | ${r.sample} | ${r.labelled} | ${r.truePositives} | ${fmt(r.precision)} | ${interval} |`);
  }
  // The severity policy: a rule shows in Problems only with precision ≥ 0.8 and a 95 % lower bound ≥ 0.65 here.
  const unproven = rows.filter((r) => r.shownPer100 > 0 && !(r.precision !== null && r.precision >= 0.8 && r.interval && r.interval[0] >= 0.65));
  console.log('');
  for (const r of unproven) console.log(`POLICY: ${r.rule} shows in Problems without measured precision ≥ 0.8 (lower bound ≥ 0.65): make it a hint or label more.`);
  if (!unproven.length) console.log('Severity policy holds: every rule with findings shown in Problems has precision ≥ 0.8 and lower bound ≥ 0.65.');
  console.log(`Visible findings (error + warning + information): ${visible}, ${result.visiblePer100.toFixed(1)} per 100 articles.`);
  const pr = result.pairs;
  console.log(`Cross-article pairs: ${pr.labelled} labelled, ${pr.positives} conflict or revise, ${pr.compatible} compatible.`);
  if (pr.positives) console.log(`  recall ${fmt(pr.recall)} (${pr.found}/${pr.positives}); shown in Problems ${fmt(pr.recallVisible)} (${pr.foundVisible}/${pr.positives}); compatible pairs flagged: ${pr.falseAlarms}/${pr.compatible}`);
  for (const m of pr.missed) console.log(`  missed: ${m}`);
  if (argv.includes('--explain')) explainMissed(corpus, names, positives.filter((p) => !linked(p, false)));
  if (pending.length) {
    console.log(`\nSTALE LABELS: ${pending.length} sampled findings have no label (${rows.reduce((n, r) => n + r.staleText, 0)} of them changed text).` +
      ' Their precision is not measured. Write them out with --pending FILE, label them, and add them to test/eval/findings-labels.jsonl.');
  }
  if (orphanLabels) console.log(`${orphanLabels} labels name findings the rules no longer report (kept as history; they do not count).`);
}

/** Why a labelled pair is not linked: each side's figure as extracted, and the first evidence that separates them. */
function explainMissed(corpus: CorpusIndex, names: Map<string, string>, missed: PairLabel[]): void {
  const idByName = new Map([...names].map(([id, name]) => [name, id]));
  const view = figureCorpusOf(corpus as unknown as Parameters<typeof figureCorpusOf>[0]);
  const figureAt = (p: Place) => {
    const id = idByName.get(p.file);
    const article = id ? corpus.get(id) : undefined;
    if (!id || !article) return undefined;
    const [start, end] = [article.positions.toCleanOffset(p.start), article.positions.toCleanOffset(p.end)];
    const figures = view.article(id)?.figures ?? [];
    const index = figures.findIndex((f) => f.start < end && start < f.end);
    return index < 0 ? undefined : { id, index, figure: figures[index]! };
  };
  const describe = (f: Figure) => {
    const e = f.evidence;
    return `${JSON.stringify(f.text)} key=${f.quantityKey} subject=${JSON.stringify(f.subject?.text ?? '')} head=${f.subject?.head ?? '-'}/${f.subject?.headClass ?? '-'} ` +
      `event=${f.subject?.event ?? '-'} owner=${f.owner ?? '-'} framing=${f.framing} kind=${f.kind} q=${f.qualifier} day=${dayOf(f) ?? '-'} ` +
      `countries=${e.countries.join('/') || '-'} people=${e.people.length} entities=${e.entities.length} occasion=${e.occasion ?? '-'} part=${e.part ? 1 : 0} cumulative=${e.cumulative ? 1 : 0}`;
  };
  for (const p of missed) {
    console.log(`\n  ${p.relation}: ${p.note ?? ''}`);
    const a = figureAt(p.a);
    const b = figureAt(p.b);
    if (!a || !b) {
      console.log(`    no figure at ${!a ? `${p.a.file} ${JSON.stringify(p.a.text)}` : `${p.b.file} ${JSON.stringify(p.b.text)}`}`);
      continue;
    }
    console.log(`    a: ${describe(a.figure)}`);
    console.log(`    b: ${describe(b.figure)}`);
    const story = storySimilarity(view.article(a.id)!.storyTerms, view.article(b.id)!.storyTerms);
    const undated = dayOf(a.figure) === undefined || dayOf(b.figure) === undefined;
    const days = undated ? '?' : String(dayOf(b.figure)! - dayOf(a.figure)!);
    const reason = whyDifferent(a.figure, b.figure, { sameArticle: false, story }, { undated, maxRatio: CONFLICT_MAX_RATIO });
    console.log(`    story ${story.toFixed(2)}, ${days} days apart, same cluster ${clusterIdOf(a.id, a.figure) === clusterIdOf(b.id, b.figure)}: ${reason ?? 'the evidence takes them for one quantity'}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
