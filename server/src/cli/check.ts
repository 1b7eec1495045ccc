// `corpus-lens check`: every diagnostic the server would publish, as text or JSON.
import { formatIso } from '../core/dates';
import { checkArticle } from '../rules';
import type { CliArguments } from './arguments';
import { loadCorpus } from './corpus';

export async function runCheck(args: CliArguments): Promise<number> {
  const { corpus, displayPath, skipped } = await loadCorpus(args);
  let errors = 0;
  const diagnostics: unknown[] = [];
  const articles: unknown[] = [];
  const textLines: string[] = [];
  for (const s of skipped) process.stderr.write(`corpus-lens: skipped ${s.path}: ${s.reason}\n`);
  for (const article of corpus.articles()) {
    const file = displayPath.get(article.id)!;
    const lines = article.positions;
    const findings = checkArticle(article, corpus, args.rules, (rule, error) =>
      process.stderr.write(`corpus-lens: rule ${rule.id} failed on ${file}: ${String(error)}\n`),
    );
    articles.push({
      file,
      headline: article.article.header.headline?.text ?? null,
      dateline: article.dateline ? formatIso(article.dateline) : null,
      paragraphs: article.article.paragraphs.length,
      diagnostics: findings.length,
    });
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      const range = f.offsets === 'document'
        ? { start: lines.document.positionAt(f.start), end: lines.document.positionAt(f.end) }
        : { start: lines.positionAt(f.start, 'start'), end: lines.positionAt(f.end, 'end') };
      const related = (f.related ?? []).flatMap((r) => {
        const other = corpus.get(r.articleId);
        if (!other) return [];
        const l = other.positions;
        return [{ file: displayPath.get(r.articleId) ?? r.articleId, range: { start: l.positionAt(r.start, 'start'), end: l.positionAt(r.end, 'end') }, message: r.message }];
      });
      if (args.format === 'json') {
        diagnostics.push({ file, range, severity: f.severity, code: f.ruleId, message: f.message, relatedInformation: related, data: f.data ?? null });
      } else {
        textLines.push(`${file}:${range.start.line + 1}:${range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
        for (const r of related) textLines.push(`  related ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`);
      }
    }
  }
  if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify({ articles, diagnostics, skipped }, null, 2)}\n`);
  } else {
    if (textLines.length) process.stdout.write(`${textLines.join('\n')}\n`);
    process.stderr.write(`corpus-lens: ${corpus.size} articles, ${diagnostics.length || textLines.filter((l) => !l.startsWith('  ')).length} diagnostics, ${errors} errors\n`);
  }
  return errors > 0 ? 1 : 0;
}
