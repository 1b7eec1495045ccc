// `corpus-lens check`: every diagnostic the server would publish, as text, JSON or SARIF.
import { formatIso } from '../core/dates';
import { checkArticle } from '../rules';
import type { CliArguments } from './arguments';
import { loadCorpus } from './corpus';
import { Progress } from './progress';
import { sarifLog, type CheckRecord } from './sarif';

export async function runCheck(args: CliArguments): Promise<number> {
  const { corpus, displayPath, skipped } = await loadCorpus(args);
  const records: Array<CheckRecord & { data: unknown }> = [];
  const articles: unknown[] = [];
  for (const s of skipped) process.stderr.write(`corpus-lens: skipped ${s.path}: ${s.reason}\n`);
  const progress = new Progress('Checking', corpus.size);
  let checked = 0;
  for (const article of corpus.articles()) {
    progress.update(checked++);
    const file = displayPath.get(article.id)!;
    const lines = article.positions;
    const findings = checkArticle(article, corpus, args.rules, (rule, error) => {
      progress.done();
      process.stderr.write(`corpus-lens: rule ${rule.id} failed on ${file}: ${String(error)}\n`);
    });
    articles.push({
      file,
      headline: article.article.header.headline?.text ?? null,
      dateline: article.dateline ? formatIso(article.dateline) : null,
      paragraphs: article.article.paragraphs.length,
      diagnostics: findings.length,
    });
    for (const f of findings) {
      const range = f.offsets === 'document'
        ? { start: lines.document.positionAt(f.start), end: lines.document.positionAt(f.end) }
        : { start: lines.positionAt(f.start, 'start'), end: lines.positionAt(f.end, 'end') };
      const related = (f.related ?? []).flatMap((r) => {
        const other = corpus.get(r.articleId);
        if (!other) return [];
        const l = other.positions;
        return [{ file: displayPath.get(r.articleId) ?? r.articleId, range: { start: l.positionAt(r.start, 'start'), end: l.positionAt(r.end, 'end') }, message: r.message }];
      });
      records.push({ file, range, severity: f.severity, ruleId: f.ruleId, message: f.message, related, data: f.data ?? null });
    }
  }
  progress.done();
  const errors = records.filter((r) => r.severity === 'error').length;
  const warnings = records.filter((r) => r.severity === 'warning').length;
  if (args.format === 'json') {
    const diagnostics = records.map((r) => ({ file: r.file, range: r.range, severity: r.severity, code: r.ruleId, message: r.message, relatedInformation: r.related, data: r.data }));
    process.stdout.write(`${JSON.stringify({ articles, diagnostics, skipped }, null, 2)}\n`);
  } else if (args.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(sarifLog(records), null, 2)}\n`);
  } else {
    const textLines: string[] = [];
    for (const r of records) {
      textLines.push(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.severity} ${r.ruleId} ${r.message}`);
      for (const x of r.related) textLines.push(`  related ${x.file}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message}`);
    }
    if (textLines.length) process.stdout.write(`${textLines.join('\n')}\n`);
    process.stderr.write(`corpus-lens: ${corpus.size} articles, ${records.length} diagnostics, ${errors} errors\n`);
  }
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`corpus-lens: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
