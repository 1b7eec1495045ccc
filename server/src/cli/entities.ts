// `corpus-lens entities`: every person, place and organization mention, linked to the knowledge base.
import type { CliArguments } from './arguments';
import { fileSpan, loadCorpus } from './corpus';

/** One mention as the command prints it; the evaluation script scores these same records. */
export interface EntityRecord {
  file: string;
  /** UTF-16 offsets into the file's own text, annotations included. */
  start: number;
  end: number;
  /** The file's text from `start` to `end`. */
  text: string;
  type: string;
  id: string | null;
  canonical: string;
  role?: string;
  /** Zero-based position of `start` in the file. */
  line: number;
  character: number;
}

/** The mentions of every article the arguments name, in corpus order, then text order. */
export async function entityRecords(args: CliArguments): Promise<EntityRecord[]> {
  const { corpus, displayPath } = await loadCorpus(args);
  const records: EntityRecord[] = [];
  for (const article of corpus.articles()) {
    const file = displayPath.get(article.id)!;
    for (const m of article.entities) {
      const span = fileSpan(article, m);
      const p = article.positions.document.positionAt(span.start);
      records.push({
        file, start: span.start, end: span.end, text: span.text, type: m.type, id: m.entityKey ?? null, canonical: m.canonical,
        ...(m.role ? { role: m.role } : {}), line: p.line, character: p.character,
      });
    }
  }
  return records;
}

export async function runEntities(args: CliArguments): Promise<number> {
  const out: string[] = [];
  for (const r of await entityRecords(args)) {
    if (args.format === 'jsonl') {
      out.push(JSON.stringify({
        file: r.file, start: r.start, end: r.end, text: r.text, type: r.type, id: r.id, canonical: r.canonical,
        ...(r.role ? { role: r.role } : {}),
      }));
    } else {
      out.push(`${r.file}:${r.line + 1}:${r.character + 1} ${r.type} ${JSON.stringify(r.text)} → ${r.canonical}${r.id ? ` (${r.id})` : ' (not in the knowledge base)'}${r.role ? ` [${r.role}]` : ''}`);
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
