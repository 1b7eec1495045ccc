// Checking incrementally (cached per-figure results, cluster versions, successors) must give what checking a fresh
// corpus of the same texts gives, after any sequence of edits.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../core/corpusIndex';
import { FIXTURES_DIR, SAMPLE_CORPUS_DIR } from '../../../test/fixtures/figures/fixtureCorpus';
import { checkArticle, currentData, relatedSpan } from '.';

function corpusTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(SAMPLE_CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    texts.set(`file:///corpus/${name}`, readFileSync(join(SAMPLE_CORPUS_DIR, name), 'utf8'));
  }
  for (const folder of ['business', 'sport', 'local']) {
    for (const name of readdirSync(join(FIXTURES_DIR, folder)).filter((f) => f.endsWith('.txt')).sort()) {
      texts.set(`file:///corpus/${folder}/${name}`, readFileSync(join(FIXTURES_DIR, folder, name), 'utf8'));
    }
  }
  return texts;
}

/** Every article's findings, as plain data with related places resolved to where they are now. */
function allFindings(corpus: CorpusIndex): string[] {
  const severities = {};
  const out: string[] = [];
  for (const id of corpus.ids().sort()) {
    for (const f of checkArticle(corpus.get(id)!, corpus, severities)) {
      const related = (f.related ?? []).map((r) => ({ articleId: r.articleId, ...pick(relatedSpan(corpus, r)), message: r.message }));
      out.push(JSON.stringify({ id, ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, severity: f.severity, related, data: currentData(corpus, f) ?? null }));
    }
  }
  return out;
}

function pick(span: { start: number; end: number }) {
  return { start: span.start, end: span.end };
}

function fresh(texts: Map<string, string>): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [id, text] of texts) corpus.setFromDisk(id, text);
  return corpus;
}

describe('incremental checking', () => {
  it('gives the findings of a fresh corpus after figure edits, prose edits and removals', () => {
    const texts = corpusTexts();
    const live = fresh(texts);
    allFindings(live); // fill every cache
    const edits: Array<[string, (text: string) => string]> = [
      // A figure changes in substance: 150,000 becomes 190,000 in 001.
      [[...texts.keys()].find((id) => id.includes('/001_'))!, (t) => t.replace('150,000', '190,000')],
      // Prose typed before the figures of 000 moves every offset and changes no claim.
      [[...texts.keys()].find((id) => id.includes('/000_'))!, (t) => t.replace('Russia has no plans', 'Russia, officials insist, has no plans')],
      // A business figure disappears.
      [[...texts.keys()].find((id) => id.includes('acme-results-wire'))!, (t) => t.replace(/\$7\.4bn/, 'a record sum')],
      // And the first edit is undone.
      [[...texts.keys()].find((id) => id.includes('/001_'))!, (t) => t.replace('190,000', '150,000')],
    ];
    let version = 0;
    for (const [id, edit] of edits) {
      const before = texts.get(id)!;
      const after = edit(before);
      assert.notEqual(after, before, `the edit of ${id} applies`);
      texts.set(id, after);
      live.setFromEditor(id, after, ++version);
      live.takeAffected();
      assert.deepEqual(allFindings(live), allFindings(fresh(texts)), `after editing ${id}`);
    }
    const gone = [...texts.keys()].find((id) => id.includes('/002_'))!;
    texts.delete(gone);
    live.closeEditor(gone);
    live.removeFromDisk(gone);
    assert.deepEqual(allFindings(live), allFindings(fresh(texts)), 'after removing 002');
  });
});
