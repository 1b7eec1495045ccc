// Big inputs: one 10 MB article checked by the CLI in a fresh process (time and peak RSS), and code actions on a
// 2.6-million-character annotated document in a server of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, toUri } from '../support/lspClient';
import { nowMs, round, summarize } from './stats';
import type { BenchContext, Measurement, Metrics } from './measurements';

const PROJECT_ROOT = join(__dirname, '..', '..');
const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');
const BIG_ARTICLE_BYTES = 10 * 1024 * 1024;
const ANNOTATED_CHARS = 2_600_000;

/** Article bodies of the corpus, one after another under one headline, until `size` characters. */
function bigText(context: BenchContext, size: number, annotate: boolean): string {
  const parts = ['One long article\ndate 2022-02-16\n\n'];
  let length = parts[0]!.length;
  for (let i = 0; length < size; i++) {
    const file = context.corpus.files[i % context.corpus.files.length]!;
    let body = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    // Every article's first "troops" becomes a figure annotation, so the document holds thousands of them.
    if (annotate) body = body.replace(/(\d[\d,]*) troops/, '[[$1|figure status=estimate]] troops');
    parts.push(body, '\n\n');
    length += body.length + 2;
  }
  return parts.join('').slice(0, size);
}

const bigArticle: Measurement = {
  name: 'A 10 MB article (CLI check, fresh process)',
  keys: ['bigArticleMB', 'bigArticleCheckSeconds', 'bigArticlePeakRssMB', 'bigArticleFindings'],
  async run(context): Promise<Metrics> {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-big-'));
    try {
      const file = join(dir, 'big.txt');
      writeFileSync(file, bigText(context, BIG_ARTICLE_BYTES, false));
      context.progress('checking one 10 MB article with the CLI');
      // The child reports its own peak RSS when it exits (process.resourceUsage is in kilobytes).
      const report = join(dir, 'rss.cjs');
      writeFileSync(report, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
      const started = nowMs();
      const result = spawnSync(process.execPath, ['--require', report, CLI, 'check', file, '--format', 'json', '--max-file-size-mb', '20'], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        timeout: 300_000,
      });
      const seconds = (nowMs() - started) / 1000;
      if (result.error) throw result.error;
      if (result.status !== 0 && result.status !== 1) throw new Error(`check exited ${result.status}: ${result.stderr.slice(-400)}`);
      const rss = Number(/PEAK_RSS_KB (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
      const findings = (JSON.parse(result.stdout) as { diagnostics: unknown[] }).diagnostics.length;
      return { bigArticleMB: round(BIG_ARTICLE_BYTES / 1024 / 1024, 1), bigArticleCheckSeconds: round(seconds, 2), bigArticlePeakRssMB: round(rss, 0), bigArticleFindings: findings };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const bigDocumentCodeAction: Measurement = {
  name: 'Code actions on a 2.6 M-character annotated document',
  keys: ['bigDocumentChars', 'bigDocumentAnnotations', 'bigDocumentCodeActionMsMedian', 'bigDocumentCodeActionMsMax', 'bigDocumentCodeActionCount'],
  async run(context): Promise<Metrics> {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-bigdoc-'));
    const text = bigText(context, ANNOTATED_CHARS, true);
    const client = await start({ workspaceFolders: [dir], requestTimeoutMs: 60_000 });
    try {
      await client.waitForIndexed();
      const uri = toUri(join(dir, 'corpus', 'big.txt'));
      context.progress('opening a 2.6 M-character annotated document');
      client.open(uri, text);
      await client.waitForDiagnostics(uri, () => true, 120_000);
      const lines = text.split('\n');
      const samples: number[] = [];
      // Ten requests over the document: on an annotation, on a figure and on plain words.
      for (let k = 0; k < 10; k++) {
        const line = Math.floor(((k + 0.5) / 10) * lines.length);
        const at = lines[line]!.indexOf('[[');
        const character = at >= 0 ? at + 3 : Math.min(5, lines[line]!.length);
        const position = { line, character };
        const started = nowMs();
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
        samples.push(nowMs() - started);
      }
      const summary = summarize(samples);
      return {
        bigDocumentChars: text.length,
        bigDocumentAnnotations: text.split('[[').length - 1,
        bigDocumentCodeActionMsMedian: summary.median,
        bigDocumentCodeActionMsMax: round(Math.max(...samples), 1),
        bigDocumentCodeActionCount: samples.length,
      };
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Run after the corpus measurements, each in a process of its own. */
export const BIG_INPUT_MEASUREMENTS: readonly Measurement[] = [bigArticle, bigDocumentCodeAction];
