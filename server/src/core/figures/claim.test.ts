import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimOf, numbersConflict, PackedClaims } from './claim';
import { conflicting } from './claims';
import { FigureClusterIndex } from './clusters';
import { extractFigures } from './extract';
import type { Figure } from './types';

const DAY = Date.UTC(2022, 1, 16) / 86_400_000;

/** Figures of many shapes: bounds, qualifiers, owners, units, dates written and not, other dimensions. */
function sampleFigures(): Figure[] {
  const texts = [
    'Russia has massed more than 130,000 troops near Ukraine.',
    'Biden said Russia had 150,000 troops on Tuesday.',
    'About 4,500 Ukrainian soldiers were deployed.',
    'At least 100,000 soldiers stood by; up to 200,000 troops could follow.',
    'Nearly 2,000 troops left on Feb. 15, and just over 2,000 returned.',
    'Acme reported revenue of $7.4bn, while rivals said $5.1bn; revenue was €6bn in Europe.',
    'Inflation reached 7.5% in January, up from 5%.',
    'The convoy stretched 30 km; others said 19 miles.',
    'Between 100 and 150 people died; 120 people died, officials said.',
    'Tens of thousands of people fled the city.',
  ];
  const figures: Figure[] = [];
  texts.forEach((text, n) => {
    for (const f of extractFigures({ text, referenceDate: { year: 2022, month: 2, day: 14 + (n % 3) } })) figures.push(f);
  });
  return figures;
}

describe('claims', () => {
  it('the flat layout decides numbers exactly as the claim objects do, for every pair', () => {
    const figures = sampleFigures();
    assert.ok(figures.length > 12, `${figures.length} figures`);
    const claims = figures.map(claimOf);
    const packed = new PackedClaims(claims);
    let conflicts = 0;
    for (const a of claims) {
      const probe = packed.probe(a);
      claims.forEach((b, i) => {
        // One cluster holds one dimension: the flat layout relies on it, so compare within a dimension.
        if (a.dimension !== b.dimension) return;
        const expected = numbersConflict(a, b);
        assert.equal(packed.numbersConflictAt(probe, i), expected, `${a.figure.text} vs ${b.figure.text}`);
        if (expected) conflicts++;
      });
    }
    assert.ok(conflicts > 5, `the sample has conflicts to compare (${conflicts})`);
  });

  it('the cluster scan finds what comparing every member finds', () => {
    const index = new FigureClusterIndex();
    // Enough articles in one cluster and day for the scan to use the flat layout.
    for (let n = 0; n < 40; n++) {
      const value = (100 + n * 3) * 1000;
      index.upsertArticle(`a${n}`, extractFigures({ text: `Russia has ${value.toLocaleString('en-US')} troops near Ukraine.`, referenceDate: { year: 2022, month: 2, day: 16 } }));
    }
    const figure = index.figuresOf('a0')![0]!;
    const cluster = index.clusterOf('a0', 0)!;
    assert.equal(cluster.size, 40);
    const scanned = cluster.numberConflictsAround(claimOf(figure), 'a0').map((m) => m.articleId).sort();
    const expected = cluster.around(DAY).filter((m) => m.articleId !== 'a0' && conflicting(figure, m.figure)).map((m) => m.articleId).sort();
    assert.ok(expected.length > 30, `${expected.length}`);
    assert.deepEqual(scanned, expected);
  });
});
