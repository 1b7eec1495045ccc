// Command-line parsing for corpus-lens.
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../shared/protocol';

export const USAGE = `Usage: corpus-lens <command> [paths…] [options]

Commands:
  check [paths…]   Print every diagnostic the language server would publish.
                   Exit status 1 when any has error severity.
  dates [paths…]   Print every date, weekday and dateline with the calendar day it resolves to.
  figures [paths…]  Print every figure (jsonl: {file,start,end,text,min,max,unit,subject,source,date,cluster};
                   an open bound is null; offsets are UTF-16 into the file's text).
  entities [paths…]
                   Print every person, place and organization mention (jsonl: one object per mention,
                   {file,start,end,text,type,id,canonical} with UTF-16 offsets into the file's text).
  export --out DIR [paths…]
                   Write the inline annotations as standoff over the clean text (annotations removed):
                   brat: DIR/<name>.txt + DIR/<name>.ann; jsonl: DIR/corpus.jsonl (doccano, Prodigy);
                   conll: DIR/corpus.conll (BIO per token). Exit status 1 when an annotation is malformed.
  import DIR [--out DIR2]
                   Turn brat .txt + .ann pairs into annotated articles (in place without --out).
  help             Show this text.

Paths are article files or folders (walked for *.txt). Default: the current folder, filtered by --include.

Options:
  --format FORMAT            check: text or json; dates, entities: text or jsonl (default: text);
                             export: brat, jsonl or conll; import: brat (default: brat).
  --out DIR                  Output folder of export and import.
  --include GLOB             Include pattern for folders (repeatable). Default: every *.txt in a folder argument.
  --exclude GLOB             Exclude pattern (repeatable). Default: ${DEFAULT_SETTINGS.exclude.join(', ')}.
  --max-file-size-mb N       Skip larger files. Default: ${DEFAULT_SETTINGS.maxFileSizeMB}.
  --rule ID=SEVERITY         Override a rule's severity: error, warning, information, hint or off (repeatable).
`;

export class UsageError extends Error {}

export type CommandName = 'check' | 'dates' | 'entities' | 'figures' | 'export' | 'import' | 'help';

export interface CliArguments {
  command: CommandName;
  paths: string[];
  format: 'text' | 'json' | 'jsonl' | 'brat' | 'conll';
  /** Output folder (export, import). */
  out?: string;
  include: string[];
  exclude: string[];
  maxFileSizeMB: number;
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
}

const FORMATS: Record<Exclude<CommandName, 'help'>, Array<CliArguments['format']>> = {
  check: ['text', 'json'],
  dates: ['text', 'jsonl'],
  entities: ['text', 'jsonl'],
  figures: ['text', 'jsonl'],
  export: ['brat', 'jsonl', 'conll'],
  import: ['brat'],
};

export function parseCliArguments(argv: string[]): CliArguments {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', paths: [], format: 'text', include: [], exclude: [], maxFileSizeMB: 5, rules: {} };
  }
  if (!(command in FORMATS)) throw new UsageError(`unknown command "${command}"`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'max-file-size-mb': { type: 'string' },
        rule: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The first format listed for a command is its default.
  const format = (parsed.values.format ?? FORMATS[command as Exclude<CommandName, 'help'>][0]) as CliArguments['format'];
  if (!FORMATS[command as Exclude<CommandName, 'help'>].includes(format)) {
    throw new UsageError(`--format ${format} is not available for ${command} (use ${FORMATS[command as 'check'].join(' or ')})`);
  }
  if (parsed.values.out !== undefined && command !== 'export' && command !== 'import') throw new UsageError('--out is only for export and import');
  const max = parsed.values['max-file-size-mb'] === undefined ? DEFAULT_SETTINGS.maxFileSizeMB : Number(parsed.values['max-file-size-mb']);
  if (!(max > 0)) throw new UsageError('--max-file-size-mb needs a positive number');
  const rules: CliArguments['rules'] = {};
  for (const r of parsed.values.rule ?? []) {
    const m = /^([a-z0-9-]+)=(error|warning|information|hint|off)$/.exec(r);
    if (!m) throw new UsageError(`--rule ${r}: expected ID=error|warning|information|hint|off`);
    rules[m[1]!] = m[2] as CliArguments['rules'][string];
  }
  return {
    command: command as CommandName,
    paths: parsed.positionals,
    format,
    include: parsed.values.include ?? [],
    exclude: parsed.values.exclude ?? DEFAULT_SETTINGS.exclude,
    maxFileSizeMB: max,
    rules,
    ...(parsed.values.out !== undefined ? { out: parsed.values.out } : {}),
  };
}
