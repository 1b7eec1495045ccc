// `corpus-lens figures`: every figure with its interval, unit, subject, source, date and claim cluster.
import { figureRecord } from '../core/figures';
import type { CliArguments } from './arguments';
import { fileSpan, loadCorpus } from './corpus';

export async function runFigures(args: CliArguments): Promise<number> {
  const { corpus, displayPath } = await loadCorpus(args);
  const out: string[] = [];
  for (const article of corpus.articles()) {
    const file = displayPath.get(article.id)!;
    for (const figure of article.figures) {
      const record = figureRecord(article.id, figure);
      // Offsets into the file's own text, annotations included, and the file's text there.
      const span = fileSpan(article, figure);
      if (args.format === 'jsonl') {
        out.push(JSON.stringify({ file, ...record, start: span.start, end: span.end, text: span.text }));
      } else {
        const p = article.positions.document.positionAt(span.start);
        const bounds = `${record.min ?? '−∞'}…${record.max ?? '∞'}`;
        out.push(`${file}:${p.line + 1}:${p.character + 1} ${JSON.stringify(span.text)} ${bounds} ${record.unit}${record.subject ? ` · ${record.subject}` : ''}${record.source ? ` · ${record.source}` : ''}${record.date ? ` · ${record.date}` : ''}`);
      }
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
