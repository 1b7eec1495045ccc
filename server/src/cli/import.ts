// `corpus-lens import --format brat DIR [--out DIR2]`: brat .txt + .ann pairs become annotated articles.
// Without --out the .txt files are rewritten in place; a .txt that already has inline annotations is left
// alone, so importing twice cannot apply the offsets to the wrong text.
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildAnnotatedText, importBrat, stripAnnotations } from '../core/annotations';
import { articleMatcher, findArticleFiles } from '../core/corpusFiles';
import { decodeArticleBytes } from '../core/text';
import { UsageError, type CliArguments } from './arguments';
import { StagedOutput, type Writer } from './safeOutput';

export async function runImport(args: CliArguments, writer?: Writer): Promise<number> {
  if (!args.paths.length) throw new UsageError('import needs the folder of a brat project (its .txt and .ann files)');
  const out = args.out ? resolve(args.out) : undefined;
  const maxBytes = Math.round(args.maxFileSizeMB * 1024 * 1024);
  const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));
  const staged = new Map<string, StagedOutput>();
  const outputs = (folder: string) => {
    let output = staged.get(folder);
    if (!output) staged.set(folder, (output = new StagedOutput(folder, writer)));
    return output;
  };
  let imported = 0;
  let annotations = 0;
  let failed = 0;
  try {
    for (const root of args.paths) {
      const absolute = resolve(root);
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (!stat) throw new UsageError(`no such file or folder: ${root}`);
      const folder = stat.isDirectory() ? absolute : dirname(absolute);
      const texts = stat.isDirectory() ? await findArticleFiles(absolute, articleMatcher({ include: ['**/*.txt'], exclude: args.exclude })) : [absolute];
      for (const txtPath of texts) {
        const annPath = txtPath.replace(/\.txt$/i, '.ann');
        const bytes = await fs.readFile(txtPath).catch(() => undefined);
        if (!bytes || bytes.length > maxBytes || !decodeArticleBytes(bytes).ok) {
          process.stderr.write(`corpus-lens: skipped ${shown(txtPath)}: ${!bytes ? 'unreadable' : bytes.length > maxBytes ? 'too large' : 'binary file'}\n`);
          failed++;
          continue;
        }
        // brat counts a byte order mark as a character: keep it in the text the offsets refer to.
        const txt = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        const ann = await fs.readFile(annPath, 'utf8').catch(() => undefined);
        const output = outputs(out ?? folder);
        const name = relative(folder, txtPath);
        if (!out && stripAnnotations(txt).annotations.length) {
          process.stderr.write(`corpus-lens: skipped ${shown(txtPath)}: it already has inline annotations (imported before?)\n`);
          continue;
        }
        let text: string;
        if (ann === undefined) {
          if (!out) continue;
          text = buildAnnotatedText(txt, []).text;
        } else {
          const result = importBrat(txt, ann);
          for (const w of result.warnings) process.stderr.write(`${shown(annPath)}:${w.line}: ${w.message}\n`);
          text = result.text;
          annotations += result.annotations.length;
        }
        await output.write(name, text);
        imported++;
      }
    }
    // Nothing is put in place before every article was read and converted.
    for (const output of staged.values()) await output.commit();
  } finally {
    for (const output of staged.values()) await output.abort();
  }
  process.stderr.write(`corpus-lens: imported ${imported} articles with ${annotations} annotations${out ? ` into ${args.out}` : ' in place'}\n`);
  return failed > 0 ? 1 : 0;
}
