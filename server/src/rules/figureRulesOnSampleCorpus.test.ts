// Every figure rule on the sample corpus at once: exactly the expected findings, nothing on dates, years or codes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { conflictingFigure } from './conflictingFigure';
import { conflictWithinArticle } from './conflictWithinArticle';
import { malformedFigure } from './malformedFigure';
import { supersededFigure } from './supersededFigure';
import { unattributedFigure } from './unattributedFigure';
import { vagueQuantity } from './vagueQuantity';

const FIGURE_RULES = [conflictingFigure, conflictWithinArticle, malformedFigure, supersededFigure, unattributedFigure, vagueQuantity];

it('the figure rules find exactly the troop dispute, the vague counts and "$ 1 billion" in the sample corpus', () => {
  const corpus = sampleCorpus();
  const found: string[] = [];
  for (const article of corpus.articles()) {
    const label = article.id.split('/').pop()!.slice(0, 3);
    for (const rule of FIGURE_RULES) {
      for (const f of rule.check({ article, corpus })) {
        const covered = article.text.slice(f.start, f.end);
        found.push(`${label} ${rule.id} ${covered}`);
        assert.doesNotMatch(covered, /^(?:G7|T-72B3|Su-35|2022|48-hour|February 14, 2022|Feb\. 16|Tuesday)$/);
      }
    }
  }
  assert.deepEqual(found.sort(), [
    '001 vague-quantity tens of thousands',
    '002 malformed-figure $ 1 billion',
    '002 superseded-figure more than 130,000',
    '003 superseded-figure more than 130,000',
    '004 vague-quantity Thousands',
    '004 vague-quantity more than 100,000',
  ]);
});
