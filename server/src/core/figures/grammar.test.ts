// The figure grammar: what is a figure, its value, interval and unit, and what is not a figure.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures } from './extract';
import type { Figure } from './types';

function figures(text: string): Figure[] {
  return extractFigures(text);
}

function one(text: string): Figure {
  const found = figures(text);
  assert.equal(found.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0]!;
}

function texts(text: string): string[] {
  return figures(text).map((f) => f.text);
}

describe('figure grammar: cardinals', () => {
  it('reads numbers with thousands separators', () => {
    const f = one('Russia has gathered 150,000 troops near Ukraine.');
    assert.equal(f.text, '150,000');
    assert.equal(f.value, 150000);
    assert.equal(f.kind, 'count');
    assert.equal(f.unit, 'military personnel');
    assert.equal(f.start, 'Russia has gathered '.length);
    assert.equal(f.end, 'Russia has gathered 150,000'.length);
  });

  it('gives a bare round number the band of its last significant digit', () => {
    const f = one('They counted 150,000 troops.');
    assert.equal(f.min, 145000);
    assert.equal(f.max, 155000);
    assert.equal(f.minInclusive, true);
    assert.equal(f.maxInclusive, false);
    const small = one('Officials said 3 people died.');
    assert.equal(small.min, 2.85);
    assert.equal(small.max, 3.15);
  });

  it('reads 4,500 with "about" as a ±10 % band', () => {
    const f = one('The capital has about 4,500 such sites, the mayor said.');
    assert.equal(f.text, 'about 4,500');
    assert.equal(f.qualifier, 'approximately');
    assert.equal(f.min, 4050);
    assert.equal(f.max, 4950);
    assert.equal(f.subject?.head, 'site');
  });

  it('reads a number grouped with no-break spaces', () => {
    assert.equal(one('Some 150\u00a0000 people marched.').value, 150000);
  });
});

describe('figure grammar: written numbers', () => {
  it('reads "one hundred and fifty thousand"', () => {
    const f = one('Officials said one hundred and fifty thousand soldiers were deployed.');
    assert.equal(f.value, 150000);
    assert.equal(f.text, 'one hundred and fifty thousand');
    assert.equal(f.unit, 'military personnel');
  });

  it('reads hyphenated tens and "a dozen"', () => {
    assert.equal(one('It took twenty-five minutes.').value, 25);
    const dozen = one('A dozen protesters were arrested.');
    assert.equal(dozen.value, 12);
    assert.equal(dozen.qualifier, 'approximately');
  });

  it('reads "half a million"', () => {
    assert.equal(one('Half a million people fled.').value, 500000);
  });

  it('reads vague plurals as bands', () => {
    const tens = one('Russia amassed tens of thousands of troops near the border.');
    assert.equal(tens.kind, 'vague');
    assert.equal(tens.text, 'tens of thousands');
    assert.equal(tens.min, 20000);
    assert.equal(tens.max, 100000);
    assert.equal(tens.subject?.headClass, 'military personnel');
    const thousands = one('Thousands of Russian troops began drills.');
    assert.equal(thousands.kind, 'vague');
    assert.equal(thousands.min, 2000);
    assert.equal(thousands.subject?.text, 'Russian troops');
    const several = one('Several hundred fans waited outside.');
    assert.equal(several.min, 300);
    assert.equal(several.max, 1000);
  });

  it('does not read a lone "one" as a count', () => {
    assert.deepEqual(texts('One possibility is that one of the ministers resigns.'), []);
  });
});

describe('figure grammar: money', () => {
  it('reads "$ 1 billion" and records the space after the symbol', () => {
    const f = one('The US would offer loans to Ukraine to $ 1 billion to support reform.');
    assert.equal(f.text, '$ 1 billion');
    assert.equal(f.kind, 'money');
    assert.equal(f.unit, 'USD');
    assert.equal(f.value, 1e9);
    assert.ok(f.writing.spaceAfterCurrency);
  });

  it('reads scaled amounts', () => {
    assert.equal(one('Revenue reached $7.4bn last quarter.').value, 7.4e9);
    const euros = one('The deal is worth 5.65bn euros.');
    assert.equal(euros.value, 5.65e9);
    assert.equal(euros.unit, 'EUR');
    const pounds = one('The club paid £3.9bn for the stadium.');
    assert.equal(pounds.unit, 'GBP');
    assert.equal(pounds.value, 3.9e9);
    assert.equal(one('They raised $200m in a round.').value, 2e8);
    assert.equal(one('It cost 10 million dollars.').unit, 'USD');
    assert.equal(one('A fine of US$5m was imposed.').value, 5e6);
    assert.equal(one('Sales hit 300,000 roubles.').unit, 'RUB');
  });

  it('keeps two amounts apart', () => {
    const found = figures('The package includes $1 billion and $500m in guarantees.');
    assert.deepEqual(found.map((f) => [f.text, f.value]), [['$1 billion', 1e9], ['$500m', 5e8]]);
  });
});

describe('figure grammar: percentages, ratios and measures', () => {
  it('reads percentages', () => {
    const f = one('Turnout was 67.7% on Sunday.');
    assert.equal(f.kind, 'percent');
    assert.equal(f.unit, 'percent');
    assert.equal(f.value, 67.7);
    assert.equal(f.min, 67.65);
    assert.equal(one('Inflation hit 5 per cent.').value, 5);
    assert.equal(one('Inflation hit 5 percent.').unit, 'percent');
    assert.equal(one('Rates rose 25 basis points.').dimension, 'percentage-points');
  });

  it('reads "one in four" as a ratio', () => {
    const f = one('Research suggests one in four Ukrainians would fight.');
    assert.equal(f.kind, 'ratio');
    assert.equal(f.value, 0.25);
    assert.equal(f.subject?.head, 'ukrainian');
    assert.equal(one('Nine out of ten doctors agree.').value, 0.9);
  });

  it('reads measures with units, hyphenated or not', () => {
    const km = one('Belgorod is located less than 30 km from the Ukrainian border.');
    assert.equal(km.unit, 'km');
    assert.equal(km.dimension, 'length');
    assert.equal(km.min, 0);
    assert.equal(km.max, 30);
    assert.equal(km.maxInclusive, false);
    const hours = one('Photos taken over a 48-hour period show convoys.');
    assert.equal(hours.text, '48-hour');
    assert.equal(hours.unit, 'hour');
    assert.equal(hours.dimension, 'duration');
    assert.equal(hours.subject?.head, 'period');
    assert.equal(one('The fire covered 10 square kilometres.').dimension, 'area');
    assert.equal(one('It reached 35°C.').unit, '°C');
  });
});

describe('figure grammar: qualifiers to intervals', () => {
  it('"more than 130,000" is (130000, ∞)', () => {
    const f = one('Russia has sent more than 130,000 troops near Ukraine.');
    assert.equal(f.text, 'more than 130,000');
    assert.equal(f.min, 130000);
    assert.equal(f.minInclusive, false);
    assert.equal(f.max, Infinity);
    assert.equal(JSON.parse(JSON.stringify({ max: f.max })).max, null);
  });

  it('reads the other qualifiers', () => {
    const cases: Array<[string, number, number, boolean, boolean]> = [
      ['at least 5 people died.', 5, Infinity, true, false],
      ['up to 200 people died.', 0, 200, true, true],
      ['fewer than 20 people died.', 0, 20, true, false],
      ['nearly 2,000 people died.', 1800, 2000, true, false],
      ['almost 2,000 people died.', 1800, 2000, true, false],
      ['roughly 130,000 people died.', 117000, 143000, true, true],
      ['some 130,000 people died.', 117000, 143000, true, true],
      ['over 150,000 people died.', 150000, Infinity, false, false],
      ['between 100 and 150 people died.', 100, 150, true, true],
      ['100-150 people died.', 100, 150, true, true],
      ['100 – 150 people died.', 100, 150, true, true],
      ['5,000 or more people died.', 5000, Infinity, true, false],
      ['150,000-plus people died.', 150000, Infinity, false, false],
    ];
    for (const [text, min, max, minInclusive, maxInclusive] of cases) {
      const f = one(text);
      assert.deepEqual([f.min, f.max, f.minInclusive, f.maxInclusive], [min, max, minInclusive, maxInclusive], text);
    }
  });
});

describe('figure grammar: what is not a figure', () => {
  const notFigures = [
    'Russia on February 14, 2022 held drills.',
    'The drills were held in 2022.',
    'The invasion may begin on Wednesday Feb. 16.',
    'It could take place on February 16 or 17, he said.',
    'He spoke at 10:30 and again at 3 p.m.',
    'The meeting starts at 10am.',
    'It was the 16th attempt.',
    'The G7 and other donors met.',
    'T-72B3 Main Battle Tanks take part in a drill.',
    'Su-35 jets flew over the base.',
    'The COVID-19 pandemic slowed trade.',
    'F-16s were sent.',
    'See https://news.yahoo.com/russia-says-pulling-back-troops-084846743.html for more.',
    'Write to news@example.com or visit www.example.org/page/2 today.',
    '20220215',
    'date 2022-02-16',
    'NATO invoked Article 5 for the first time.',
    'See page 3 and No. 10 Downing Street.',
    'Copyright © 2022 of the Associated Press.',
    'The 1990s were different.',
    'Formula 1 returns.',
    'They won 3-1 at home.',
    'Sweden defeated South Korea 1 – 0; Tunisia lost 1 – 2 to England.',
    'FIFA World Cup 2018 day five',
    'The 2021/22 season ended.',
    'The version 3.5.2 update shipped.',
    'Read 12 comments',
    'Two weeks ago the talks failed.',
  ];
  for (const text of notFigures) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(texts(text), []);
    });
  }

  it('reads a four-digit number as a count when a noun follows and no year preposition precedes', () => {
    assert.deepEqual(texts('They sent 1500 troops in 2022.'), ['1500']);
  });
});

describe('figure grammar: separators and malformed writing', () => {
  it('notes inconsistent thousands groups', () => {
    const f = one('They counted 1,50,000 voters.');
    assert.match(f.writing.separatorProblem ?? '', /three digits/);
  });

  it('notes a decimal comma', () => {
    const f = one('Growth was 7,4 percent.');
    assert.equal(f.writing.decimalMark, ',');
    assert.equal(f.value, 7.4);
  });

  it('reads European grouping', () => {
    const f = one('Attendance was 1.234.567 people.');
    assert.equal(f.value, 1234567);
    assert.equal(f.writing.thousandsSeparator, '.');
  });
});

describe('figure grammar: offsets', () => {
  it('keeps UTF-16 offsets with CRLF, BOM and emoji', () => {
    const text = '\ufeffHeadline 🎉\r\nThey sent 1,500 troops.\r\n';
    const f = one(text);
    assert.equal(text.slice(f.start, f.end), '1,500');
  });
});

describe('figure grammar: bad input', () => {
  it('never throws on junk', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = '0123456789,.$£€%- abcdefghijklmnopqrstuvwxyz ABC\n\r\t—–-/:;"\'’()[]#@+~°\u00a0\ud83c\udf89';
    for (let round = 0; round < 300; round++) {
      let s = '';
      const length = Math.floor(random() * 200);
      for (let k = 0; k < length; k++) s += alphabet[Math.floor(random() * alphabet.length)];
      assert.doesNotThrow(() => extractFigures(s));
    }
  });

  // Absolute times on shared machines are noise: the bench reports the real figure (figurePathologicalLineMs, well
  // under 100 ms). Here a generous bound catches a hang, and a size ratio catches anything worse than linear.
  it('reads a 1 MB line of digits and commas in linear time', () => {
    const line = '1234567890,'.repeat(Math.ceil(1_000_000 / 11)).slice(0, 1_000_000);
    const started = performance.now();
    const result = extractFigures(line);
    const elapsed = performance.now() - started;
    assert.ok(Array.isArray(result));
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(1)} ms`);
  });

  it('stays linear on other pathological lines', () => {
    const fastest = (line: string) => {
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        extractFigures(line);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    for (const unit of ['1,', '1 ', '$', 'one hundred and ', '1-']) {
      const quarter = fastest(unit.repeat(Math.ceil(250_000 / unit.length)));
      const whole = fastest(unit.repeat(Math.ceil(1_000_000 / unit.length)));
      assert.ok(whole < 10_000, `${JSON.stringify(unit)} × 1 MB took ${whole.toFixed(1)} ms`);
      // Four times the input: linear is ×4; ×10 leaves room for noise and the garbage collector, not for ×16.
      assert.ok(whole < quarter * 10 + 50, `${JSON.stringify(unit)}: 250 KB ${quarter.toFixed(1)} ms, 1 MB ${whole.toFixed(1)} ms`);
    }
  });
});
