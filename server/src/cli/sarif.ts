// `check --format sarif`: the findings as one SARIF 2.1.0 run, for code-scanning services and CI annotations.
// Regions are 1-based and count UTF-16 code units (the run says so with columnKind), as LSP positions do.
import { existsSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { RULES } from '../rules';
import type { Severity } from '../core/types';

export interface CheckedRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One finding as `check` reports it: the path to print and 0-based positions. */
export interface CheckRecord {
  file: string;
  range: CheckedRange;
  severity: Severity;
  ruleId: string;
  message: string;
  related: Array<{ file: string; range: CheckedRange; message: string }>;
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The relative artifact URIs are relative to the folder `check` ran in. */
const BASE_ID = 'SRCROOT';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The installed package's own files (docs ship with it), as file URIs: absolute, as SARIF wants, and openable. */
const PACKAGE_ROOT = [join(__dirname, '..'), join(__dirname, '..', '..', '..')].find((d) => existsSync(join(d, 'docs', 'rules')));
function packageUri(relative: string): string {
  return PACKAGE_ROOT ? pathToFileURL(join(PACKAGE_ROOT, relative)).href : relative;
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
}

function physicalLocation(file: string, range: CheckedRange) {
  return {
    artifactLocation: artifactLocation(file),
    // SARIF's end column is that of the character after the region, like LSP's exclusive end.
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}

export function sarifLog(records: CheckRecord[], cwd = process.cwd()): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corpus-lens',
            version,
            informationUri: packageUri('README.md'),
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: packageUri(`docs/rules/${r.id}.md`),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: records.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physicalLocation(f.file, f.range) }],
          ...(f.related.length
            ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r.file, r.range), message: { text: r.message } })) }
            : {}),
          // SARIF has no level between note and warning: the severity as configured, for information and hint.
          properties: { severity: f.severity },
        })),
      },
    ],
  };
}
