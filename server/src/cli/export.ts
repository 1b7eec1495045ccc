// `corpus-lens export`: the annotations of articles as standoff over their clean text (annotations removed),
// for brat (.txt + .ann per article), doccano/Prodigy (one corpus.jsonl) and CoNLL (one corpus.conll).
import { promises as fs } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { exportBrat, exportConll, exportJsonl, stripAnnotations, toCleanAnnotations, type ExportResult } from '../core/annotations';
import { readArticleFile } from '../core/corpusFiles';
import { LineIndex } from '../core/text';
import { UsageError, type CliArguments } from './arguments';
import { articleFiles } from './corpus';
import { StagedOutput, type Writer } from './safeOutput';

/** brat's configuration for our types, written next to the files unless the folder has its own. */
const BRAT_ANNOTATION_CONF = `[entities]
person
place
organization
figure
date

[relations]

[events]

[attributes]
status Arg:figure, Value:verified|disputed|superseded|estimate
`;
const BRAT_TOOLS_CONF = `[normalization]
Wikidata DB:none, <URL>:https://www.wikidata.org, <URLBASE>:https://www.wikidata.org/wiki/%s
`;

export async function runExport(args: CliArguments, writer?: Writer): Promise<number> {
  if (!args.out) throw new UsageError('export needs --out DIR');
  const out = resolve(args.out);
  // Never read back what an earlier export wrote into a folder inside the corpus.
  const files = (await articleFiles(args)).filter((f) => !isInside(out, f.path));
  const names = new Map<string, string>();
  for (const f of files) {
    const name = basename(f.path).replace(/\.txt$/i, '');
    const other = names.get(name);
    if (other && args.format === 'brat') throw new UsageError(`${f.shown} and ${other} would both be ${name}.txt in ${args.out}; export them separately`);
    names.set(name, f.shown);
  }
  await fs.mkdir(out, { recursive: true });
  return StagedOutput.run(out, (output) => exportInto(args, out, files, output), writer);
}

async function exportInto(args: CliArguments, out: string, files: Awaited<ReturnType<typeof articleFiles>>, output: StagedOutput): Promise<number> {
  const maxBytes = Math.round(args.maxFileSizeMB * 1024 * 1024);
  const combined: string[] = [];
  let articles = 0;
  let annotations = 0;
  let errors = 0;
  for (const file of files) {
    const read = await readArticleFile(file.path, maxBytes);
    if (!read.ok) {
      process.stderr.write(`corpus-lens: skipped ${file.shown}: ${read.reason}\n`);
      continue;
    }
    const parsed = stripAnnotations(read.text);
    if (parsed.errors.length) {
      const lines = new LineIndex(read.text);
      for (const e of parsed.errors) {
        const p = lines.positionAt(e.start);
        process.stderr.write(`${file.shown}:${p.line + 1}:${p.character + 1} error annotation-${e.code} ${e.message}\n`);
      }
      errors += parsed.errors.length;
    }
    const standoff = toCleanAnnotations(parsed.annotations);
    let result: ExportResult;
    if (args.format === 'brat') {
      result = exportBrat(parsed.clean, standoff);
      const name = basename(file.path).replace(/\.txt$/i, '');
      await output.write(`${name}.txt`, parsed.clean);
      await output.write(`${name}.ann`, result.text);
    } else if (args.format === 'jsonl') {
      result = exportJsonl(parsed.clean, standoff, { file: file.shown });
      combined.push(result.text);
    } else {
      result = exportConll(parsed.clean, standoff);
      combined.push(result.text);
    }
    for (const w of result.warnings) process.stderr.write(`corpus-lens: ${file.shown}: ${w}\n`);
    articles++;
    annotations += standoff.length;
  }
  if (args.format === 'brat') {
    // A folder's own brat configuration is kept.
    for (const [name, text] of [['annotation.conf', BRAT_ANNOTATION_CONF], ['tools.conf', BRAT_TOOLS_CONF]] as const) {
      if (!(await exists(join(out, name)))) await output.write(name, text);
    }
  } else {
    await output.write(args.format === 'jsonl' ? 'corpus.jsonl' : 'corpus.conll', combined.join(args.format === 'conll' ? '\n' : ''));
  }
  await output.commit();
  process.stderr.write(`corpus-lens: exported ${articles} articles with ${annotations} annotations to ${args.out} (${args.format})${errors ? `; ${errors} annotation errors` : ''}\n`);
  return errors > 0 ? 1 : 0;
}

function isInside(folder: string, path: string): boolean {
  const r = relative(folder, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(() => true, () => false);
}
