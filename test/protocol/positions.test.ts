// Positions over the wire are UTF-16 code units on LSP lines (\r\n, \r or \n). The same article is written
// with CRLF, CR-only and mixed line ends, a BOM on disk, astral characters and mojibake before the
// date words: hovers and diagnostic ranges must land on the same words in every variant.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  SERVER_PATH,
  hoverText,
  makeWorkspace,
  offsetAt,
  offsetOf,
  positionAt,
  positionOf,
  start,
  textOfRange,
  type LspTestClient,
  type TempWorkspace,
} from '../support/lspClient';

const BOM = '\uFEFF';
const FLAG = '🇺🇦 '; // two astral characters: 4 UTF-16 code units, then a space
const MOJIBAKE = 'Russiaâ€™s envoy: ';

interface Variant {
  name: string;
  /** Line end(s): one string, or a list used in turn. */
  eol: string | string[];
  bom?: boolean;
  /** Inserted at the start of each body line, before the date words. */
  prefix?: string;
  /** Also put the prefix before the headline (headed layout). */
  prefixHeadline?: boolean;
  /** `headed`: headline / 20220216 / body. `inline`: " date 2022-02-16 …" on line 0, like corpus/000. */
  layout: 'headed' | 'inline';
}

const variants: Variant[] = [
  { name: 'lf', eol: '\n', layout: 'headed' },
  { name: 'crlf', eol: '\r\n', layout: 'headed' },
  { name: 'cr', eol: '\r', layout: 'headed' },
  { name: 'mixed-eol', eol: ['\r\n', '\n', '\r'], layout: 'headed' },
  { name: 'emoji', eol: '\n', prefix: FLAG, layout: 'headed' },
  { name: 'emoji-crlf', eol: '\r\n', prefix: `${FLAG}😀 `, layout: 'headed' },
  { name: 'emoji-headline', eol: '\n', prefix: FLAG, prefixHeadline: true, layout: 'headed' },
  { name: 'mojibake', eol: '\n', prefix: MOJIBAKE, prefixHeadline: true, layout: 'headed' },
  { name: 'mojibake-cr', eol: '\r', prefix: MOJIBAKE, prefixHeadline: true, layout: 'headed' },
  { name: 'bom-lf', eol: '\n', bom: true, layout: 'headed' },
  { name: 'inline-lf', eol: '\n', layout: 'inline' },
  { name: 'inline-bom', eol: '\n', bom: true, layout: 'inline' },
  { name: 'inline-bom-crlf-emoji', eol: '\r\n', bom: true, prefix: FLAG, layout: 'inline' },
];

/** The article as an editor shows it (no BOM); the disk bytes add the BOM when asked. */
function articleText(variant: Variant): string {
  const p = variant.prefix ?? '';
  const lines =
    variant.layout === 'headed'
      ? [
          `${variant.prefixHeadline ? p : ''}Russia says some units return to their bases after drills`,
          '20220216',
          `${p}Moscow said on Tuesday that some units would return to their bases.`,
          '',
          `${p}Officials met on Tuesday, Feb. 16 in Kyiv, and talks resumed on February 14, 2022.`,
          '',
        ]
      : [
          ` date 2022-02-16 ${p}Officials met on Tuesday, Feb. 16 in Kyiv, after Moscow said on Tuesday that units would return.`,
          '',
          `${p}Talks resumed on February 14, 2022, diplomats said.`,
          '',
        ];
  const eols = Array.isArray(variant.eol) ? variant.eol : [variant.eol];
  return lines.map((line, i) => (i < lines.length - 1 ? line + eols[i % eols.length] : line)).join('');
}

/** The n-th "Tuesday" of each layout: [relative "on Tuesday" → Feb 15, mismatched "Tuesday, Feb. 16"]. */
function tuesdays(variant: Variant): { relative: number; mismatched: number } {
  return variant.layout === 'headed' ? { relative: 1, mismatched: 2 } : { relative: 2, mismatched: 1 };
}

const isMismatch = (d: Diagnostic) => d.code === 'weekday-mismatch';

describe('UTF-16 positions with CRLF, CR, BOM, emoji and mojibake', { timeout: 120_000 }, () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const fileOf = (v: Variant) => `corpus/${v.name}.txt`;

  before(async () => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
    workspace = makeWorkspace();
    for (const v of variants) workspace.write(fileOf(v), (v.bom ? BOM : '') + articleText(v));
    client = await start({ workspaceFolders: [workspace.dir] });
    const status = await client.waitForIndexed();
    assert.equal(status.articles, variants.length, `status ${JSON.stringify(status)}`);
  });

  after(async () => {
    await client?.stop();
    workspace?.remove();
  });

  it('the position helpers agree with LSP line rules', () => {
    const text = 'a\r\nb\rc\n🇺🇦 Tuesday';
    assert.deepEqual(positionOf(text, 'Tuesday', 1, 0), { line: 3, character: 5 });
    assert.equal(offsetAt(text, positionAt(text, text.length)), text.length);
    assert.deepEqual(positionAt(text, 3), { line: 1, character: 0 });
  });

  for (const variant of variants) {
    describe(variant.name, () => {
      const text = articleText(variant);
      const { relative, mismatched } = tuesdays(variant);

      const assertMismatchRanges = (diagnostics: Diagnostic[], when: string) => {
        const found = diagnostics.filter(isMismatch);
        assert.equal(found.length, 1, `${when}: expected one weekday-mismatch, got ${JSON.stringify(diagnostics)}`);
        const range = found[0]!.range;
        const start = offsetAt(text, range.start);
        const end = offsetAt(text, range.end);
        const word = offsetOf(text, 'Tuesday', mismatched);
        const covered = text.slice(start, end);
        assert.ok(
          start <= word && word + 'Tuesday'.length <= end,
          `${when}: range ${JSON.stringify(range)} covers "${covered}", not the mismatched "Tuesday" at offset ${word}`,
        );
        assert.match(covered, /^(Tuesday|on Tuesday)(, Feb\. 16)?$/, `${when}: range covers "${covered}"`);
        return covered;
      };

      it('diagnostic range from the disk index lands on the mismatched weekday', async () => {
        const diagnostics = await client.waitForDiagnostics(workspace.uri(fileOf(variant)), (ds) => ds.some(isMismatch));
        assertMismatchRanges(diagnostics, 'indexed from disk');
      });

      it('hovers resolve the words under the cursor, at their first and last code unit', async () => {
        const uri = workspace.uri(fileOf(variant));
        const mark = client.diagnosticsMark();
        client.open(uri, text);
        const checks: Array<[word: string, occurrence: number, expected: RegExp]> = [
          ['Tuesday', relative, /2022-02-15/],
          ['Feb. 16', 1, /2022-02-16/],
          ['February 14, 2022', 1, /2022-02-14/],
        ];
        if (variant.layout === 'headed') checks.push(['20220216', 1, /2022-02-16/]);
        for (const [word, occurrence, expected] of checks) {
          for (const into of [0, word.length - 1]) {
            const position = positionOf(text, word, occurrence, into);
            const hover = await client.hover(uri, position);
            assert.match(hoverText(hover), expected, `"${word}"#${occurrence} at ${JSON.stringify(position)}: ${JSON.stringify(hover)}`);
            if (hover?.range) {
              const covered = textOfRange(text, hover.range);
              assert.ok(covered.includes(word.split(' ')[0]!), `hover range covers "${covered}", not "${word}"`);
            }
          }
        }
        // The prefix and "said" are not dates.
        const said = await client.hover(uri, positionOf(text, 'said'));
        assert.doesNotMatch(hoverText(said), /\d{4}-\d{2}-\d{2}/, `hover on "said": ${JSON.stringify(said)}`);
        if (variant.prefix) {
          const onPrefix = await client.hover(uri, positionAt(text, text.indexOf(variant.prefix) + 1));
          assert.doesNotMatch(hoverText(onPrefix), /\d{4}-\d{2}-\d{2}/, `hover on the prefix: ${JSON.stringify(onPrefix)}`);
        }
        const fromOpenText = await client.waitForDiagnostics(uri, (ds) => ds.some(isMismatch), 10_000, { after: mark });
        assertMismatchRanges(fromOpenText, 'after didOpen');
        client.close(uri);
      });
    });
  }

  it('every variant reports the same words as the plain LF one', async () => {
    const covered = new Map<string, string>();
    for (const v of variants) {
      const diagnostics = await client.waitForDiagnostics(workspace.uri(fileOf(v)), (ds) => ds.some(isMismatch));
      const text = articleText(v);
      covered.set(v.name, diagnostics.filter(isMismatch).map((d) => textOfRange(text, d.range)).join('|'));
    }
    for (const v of variants) {
      const reference = v.layout === 'headed' ? covered.get('lf') : covered.get('inline-lf');
      assert.equal(covered.get(v.name), reference, `${v.name} differs from its LF twin`);
    }
  });
});
