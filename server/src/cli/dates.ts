// `corpus-lens dates`: every dateline, date and weekday with the calendar day it resolves to.
import { formatIso } from '../core/dates';
import type { CliArguments } from './arguments';
import { fileSpan, loadCorpus } from './corpus';

export async function runDates(args: CliArguments): Promise<number> {
  const { corpus, displayPath } = await loadCorpus(args);
  const out: string[] = [];
  for (const article of corpus.articles()) {
    const file = displayPath.get(article.id)!;
    const lines = article.positions;
    const dateline = article.article.header.dateline;
    const rows = [
      ...(dateline ? [{ start: dateline.start, end: dateline.end, text: dateline.text, kind: 'dateline', resolved: formatIso(dateline.date), explanation: 'the article\'s dateline' }] : []),
      ...article.dates.map((m) => ({
        start: m.start, end: m.end, text: m.text, kind: m.kind,
        resolved: m.resolved ? formatIso(m.resolved.date) : null, explanation: m.resolved?.explanation ?? 'unresolved',
      })),
    ];
    for (const clean of rows) {
      // Offsets into the file's own text, annotations included, as the other commands print them.
      const row = { ...clean, ...fileSpan(article, clean) };
      const p = lines.document.positionAt(row.start);
      if (args.format === 'jsonl') out.push(JSON.stringify({ file, ...row }));
      else out.push(`${file}:${p.line + 1}:${p.character + 1} ${row.kind} ${JSON.stringify(row.text)} → ${row.resolved ?? 'unresolved'} (${row.explanation})`);
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
