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
    const boot = one('The boot holds 90.1 cubic feet of luggage.');
    assert.deepEqual([boot.dimension, boot.unit], ['volume', 'cu ft']);
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

describe('figure grammar: numbers inside names and titles', () => {
  const names = [
    'The singer 50 Cent cancelled his tour.',
    'Gamers queued for Doom 3 and for Halo 2.',
    'Old machines still run OS/2 at the bank.',
    'The Nokia 3230 handset sold well.',
    'A 7-Eleven store opened on the corner.',
    'The Boeing 787 jet and an Airbus A380 were parked side by side.',
    'Users upgraded to Windows 7 and bought an iPad 2.',
    'The Formula One season opened in Bahrain.',
    'Leaders of the G8 met near Apollo 11 memorabilia.',
    'Channel 4 and a network called Five showed the debate.',
    'He worked for the Seven and Nine networks.',
    'The S&P 500 and the FTSE 100 fell while the IBEX 35 rose.',
    'Fans bought Xbox 360 consoles and Fortune 500 companies noticed.',
    'The Type 22 frigate returned to port.',
    'Version numbers such as Ubuntu 7.04 and Web 2.0 were discussed.',
    'Since April 2004 members have paid more.',
    'Airlines ordered the Boeing 737 and 747 models, and the Nokia 3230 and 6630 phones sold out.',
    'The fleet mixes the A300 and 747 types.',
  ];
  for (const text of names) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(texts(text), []);
    });
  }

  it('keeps counts next to names when a counted noun follows, and ages', () => {
    assert.deepEqual(texts('Labor won 20 seats in the north.'), ['20']);
    assert.deepEqual(texts('Microsoft sold 3 million Xbox consoles.'), ['3 million']);
    assert.deepEqual(texts('Shares in Channel 4 fell 3% on Monday.'), ['3%']);
    const age = one('A 32-year-old driver was charged.');
    assert.equal(age.dimension, 'duration');
    assert.deepEqual(texts('Seven people were hurt when the bus overturned.'), ['Seven']);
    assert.deepEqual(texts('The count ended at 9 p.m. Two hundred people stayed.'), ['Two hundred']);
  });
});

describe('figure grammar: ranks, lists, scores, times and markup', () => {
  const notFigures = [
    'She was ranked 5th and finished No. 3 overall.',
    '(1) the minister shall report; and (2) the council shall vote.',
    '1) the budget 2) the staff',
    'He resigned on Friday (12) after the vote.',
    'The visitors won 3–1 after a 2-0 win last week and a 1-2 defeat before that.',
    'Kick-off is at 1500 GMT, doors open at 10:30am and the bar at 3 pm.',
    'The shop opens from 9 to 5pm.',
    'The train left at 07.45 on Monday.',
    'The winning numbers were 4, 11, 23, 38 and 42.',
    'The reception was held at 10 Downing Street.',
    'The template says count=5 and | DAX = 5,831 |',
    'Call (800) 555-0199 or +44 20 7946 0958 for details.',
    'Image:Crowd 2.jpg|The crowd at noon',
    'The rules refer to section 373(4) and rgb(0.9,0.9,0.9).',
    'The new engine is 2.6 times more efficient.',
    'The rupee weakened to 48.5 to the dollar.',
    'The league adopted the 6+5 rule.',
    'A 3G dongle and a 4G phone.',
    'ScaleMajor unit:year increment:1',
    'Standings\nLeeds 38 24 8 6 71 30 80\nHull 38 22 9 7 64 35 75',
  ];
  for (const text of notFigures) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(texts(text), []);
    });
  }

  it('keeps vote counts after names, occasions and bracketed figures after words', () => {
    assert.deepEqual(texts('The seat went to Rossi (42) ahead of Bianchi (17).'), ['42', '17']);
    assert.deepEqual(texts('The suspect was shot four times.'), ['four']);
    assert.deepEqual(texts('Prices (up 2) rose.'), ['2']);
  });
});

describe('figure grammar: ranges written with "to" and "or"', () => {
  it('reads one interval, the unit and scale of the second end belonging to both', () => {
    const aged = one('Men aged 18 to 26 must register.');
    assert.deepEqual([aged.text, aged.qualifier, aged.min, aged.max], ['18 to 26', 'range', 18, 26]);
    const lives = one('The famine cost 5 to 7 million lives.');
    assert.deepEqual([lives.min, lives.max], [5e6, 7e6]);
    const pay = one('Salaries of $60,000 to $150,000 were offered.');
    assert.deepEqual([pay.unit, pay.min, pay.max], ['USD', 60000, 150000]);
    const dollars = one('The plan saves $700 to $800 million a year.');
    assert.deepEqual([dollars.min, dollars.max], [7e8, 8e8]);
    const share = one('Turnout was 15 to 20 percent lower.');
    assert.equal(share.unit, 'percent');
    const seats = one('Polls give the party 11 or 12 seats.');
    assert.deepEqual([seats.min, seats.max, seats.unit], [11, 12, 'seat']);
    assert.equal(one('Conscription covers the ages of 18 to 42.').max, 42);
    assert.equal(one('Requests run from 200,000 to 300,000 tons a year.').max, 300000);
  });

  it('keeps a change and the level it reached, tallies and enumerations apart', () => {
    assert.deepEqual(texts('The index climbed 28.94 to 1,547.70.'), ['28.94', '1,547.70']);
    assert.deepEqual(texts('The motion was lost 55 to 79.'), ['55', '79']);
    assert.deepEqual(texts('The bill passed 35 to 23.'), ['35', '23']);
    assert.deepEqual(texts('Casualties were reported as 4, 19 or 31.'), ['4', '19', '31']);
    assert.deepEqual(texts('Staff numbers rose from 12 to 40.'), ['12', '40']);
  });
});

describe('figure grammar: currencies and digit groups', () => {
  it('reads codes and words before and after the amount', () => {
    assert.deepEqual([one('Profit was ISK 11,000 million.').unit, one('Profit was ISK 11,000 million.').value], ['ISK', 11e9]);
    assert.deepEqual([one('It will cost Rs. 206 crore.').unit, one('It will cost Rs. 206 crore.').value], ['INR', 2.06e9]);
    assert.equal(one('Assets were 2.36 trillion Swiss francs.').unit, 'CHF');
    assert.equal(one('Trade grew to 44.6 million US$ last year.').unit, 'USD');
    assert.equal(one('The grant (Euro 142 million) was approved.').unit, 'EUR');
    assert.deepEqual(texts('Euro 2008 was held in Austria.'), []);
    assert.equal(one('A reward of 20,000 laris was offered.').unit, 'GEL');
  });

  it('reads a plural scale word after digits as the scale', () => {
    assert.equal(one('The forecast deficit was £41 billions.').value, 41e9);
    assert.equal(one('The party borrowed R$ 2.4 millions.').unit, 'BRL');
  });

  it('reads neither bearings nor the scale of a rating as figures', () => {
    assert.deepEqual(texts('The brine lies poleward of about 67.5° north.'), []);
    assert.deepEqual(texts('The country was rated 9.4 out of ten.'), ['9.4']);
    assert.deepEqual(texts('Judges score dancers on a scale of 1 to 10.'), []);
    assert.deepEqual(texts('The region saw four deaths per 100,000 people.'), ['four']);
    assert.equal(one('It was 35°C in the shade.').unit, '°C');
  });

  it('reads thousands grouped with ordinary spaces, not table rows', () => {
    const people = one('Some 220 000 people voted.');
    assert.equal(people.value, 220000);
    const euros = one('Roughly € 185 000 was spent.');
    assert.deepEqual([euros.unit, euros.value, !!euros.writing.spaceAfterCurrency], ['EUR', 185000, true]);
    assert.equal(one('Yes votes reached 1 457 355 in all.').value, 1457355);
    assert.ok(figures('The tally: 184 232 -24, 223 202 +24').every((f) => f.value < 1000));
  });
});
