// `corpus-lens entities`: every person, place and organization mention, linked to the knowledge base.
import type { CliArguments } from './arguments';
import { loadCorpus } from './corpus';

export async function runEntities(args: CliArguments): Promise<number> {
  const { corpus, displayPath } = await loadCorpus(args);
  const out: string[] = [];
  for (const article of corpus.articles()) {
    const file = displayPath.get(article.id)!;
    for (const m of article.entities) {
      if (args.format === 'jsonl') {
        // Offsets into the file's own text, annotations included.
        const span = article.positions.toDocumentSpan(m);
        out.push(JSON.stringify({
          file, start: span.start, end: span.end, text: m.text, type: m.type, id: m.entityKey ?? null, canonical: m.canonical,
          ...(m.role ? { role: m.role } : {}),
        }));
      } else {
        const p = article.positions.positionAt(m.start);
        out.push(`${file}:${p.line + 1}:${p.character + 1} ${m.type} ${JSON.stringify(m.text)} → ${m.canonical}${m.entityKey ? ` (${m.entityKey})` : ' (not in the knowledge base)'}${m.role ? ` [${m.role}]` : ''}`);
      }
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
