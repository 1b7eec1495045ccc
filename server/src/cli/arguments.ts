// Command-line parsing for corpus-lens.
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, PROJECT_CONFIG_FILE } from '../shared/protocol';

export const USAGE = `Usage: corpus-lens <command> [paths…] [options]

Commands:
  check [paths…]   Print every diagnostic the language server would publish.
                   Exit status 1 when any has error severity, or more warnings than --max-warnings.
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

Project file: the nearest ${PROJECT_CONFIG_FILE} in the folder of the first path (the current folder when there is
none) or a folder above it gives include, exclude, rules and knowledgeBase, relative to its own folder. Flags win
over it (--rule per rule id). An invalid file is reported on stderr with exit status 2.

Options:
  --format FORMAT            check: text, json or sarif (SARIF 2.1.0); dates, entities: text or jsonl
                             (default: text); export: brat, jsonl or conll; import: brat (default: brat).
  --out DIR                  Output folder of export and import.
  --include GLOB             Include pattern for folders (repeatable). Default: every *.txt in a folder argument.
  --exclude GLOB             Exclude pattern (repeatable). Default: ${DEFAULT_SETTINGS.exclude.join(', ')}.
  --max-file-size-mb N       Skip larger files. Default: ${DEFAULT_SETTINGS.maxFileSizeMB}.
  --rule ID=SEVERITY         Override a rule's severity: error, warning, information, hint or off (repeatable).
  --max-warnings N           check: exit status 1 when there are more than N warnings.
  --config FILE              Use this project file instead of looking for ${PROJECT_CONFIG_FILE}.

A progress bar is drawn on stderr when stderr is a terminal, and nothing otherwise.
`;

export class UsageError extends Error {}

export type CommandName = 'check' | 'dates' | 'entities' | 'figures' | 'export' | 'import' | 'help';

export interface CliArguments {
  command: CommandName;
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'jsonl' | 'brat' | 'conll';
  /** Output folder (export, import). */
  out?: string;
  /** Empty when not given (then the project file or the default decides). */
  include: string[];
  /** Empty when not given on the command line, until the project file is applied (see withProjectConfig). */
  exclude: string[];
  maxFileSizeMB: number;
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** check: more warnings than this fail the run. */
  maxWarnings?: number;
  /** --config: the project file to use. */
  config?: string;
  /** Set from the project file: the folder its include and exclude globs are relative to. */
  includeRoot?: string;
  excludeRoot?: string;
  /** Absolute paths of the knowledge-base files (from the project file). */
  knowledgeBase: string[];
}

const FORMATS: Record<Exclude<CommandName, 'help'>, Array<CliArguments['format']>> = {
  check: ['text', 'json', 'sarif'],
  dates: ['text', 'jsonl'],
  entities: ['text', 'jsonl'],
  figures: ['text', 'jsonl'],
  export: ['brat', 'jsonl', 'conll'],
  import: ['brat'],
};

export function parseCliArguments(argv: string[]): CliArguments {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', paths: [], format: 'text', include: [], exclude: [], maxFileSizeMB: 5, rules: {}, knowledgeBase: [] };
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
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
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
  const maxWarnings = parsed.values['max-warnings'];
  if (maxWarnings !== undefined) {
    if (command !== 'check') throw new UsageError('--max-warnings is only for check');
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError('--max-warnings needs a whole number, 0 or more');
  }
  return {
    command: command as CommandName,
    paths: parsed.positionals,
    format,
    include: parsed.values.include ?? [],
    exclude: parsed.values.exclude ?? [],
    maxFileSizeMB: max,
    rules,
    knowledgeBase: [],
    ...(parsed.values.out !== undefined ? { out: parsed.values.out } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}),
    ...(parsed.values.config !== undefined ? { config: parsed.values.config } : {}),
  };
}
