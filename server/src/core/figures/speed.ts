// How fast figures are read and clustered: extraction plus clustering of a 5 KB article (target ≤ 2 ms median),
// and the 1 MB pathological line (target < 100 ms). Used by speed.test.ts; the benchmark can call it too.
import { analyzeArticle } from '../analysis';
import { figuresOfArticle } from './articleFigures';
import { FigureCorpus } from './corpusFigures';
import { extractFigures } from './extract';

const SENTENCES = [
  'According to {leader}, 150,000 {Demonym} troops are now stationed near {other} and Belarus, up from a previous US estimate of 130,000 troops.',
  '{leader} on Tuesday said {country} had gathered over 150,000 troops near {other}, which was up from the prior estimate of roughly 130,000.',
  'The US said {country} had collected more than 130,000 troops near the border with {other} and officials said an invasion could occur this week.',
  'Blinken announced that the US would offer sovereign loan guarantees to {other} of up to $ 1 billion to support its economic reform.',
  'The capital has about 4,500 such sites, including underground garages, metro stations and basements, the mayor said.',
  'Photos taken over a 48-hour period also show ground forces leaving the garrison, Maxar Technologies reported on Monday.',
  '{company} Corp reported revenue of $7.4bn for the third quarter, up from $6.9bn a year earlier, the company said.',
  'The takeover of {company} Ltd is worth £3.9bn, or about 4.5bn euros, analysts at Jefferies said on Wednesday.',
  'A crowd of 52,000 watched {club} beat {rival} 3-1 at the {club} stadium on Saturday, the club said.',
  'Thousands of {club} fans gathered outside the stadium, while one in four season-ticket holders stayed at home.',
  'Shares rose 5% in early trading, and turnout at the {company} shareholder meeting was 67.7%, according to Reuters.',
  'T-72B3 tanks and Su-35 jets took part in drills on February 14, 2022, the G7 said in a statement.',
  'Three people died and about 400 residents were evacuated when the river burst its banks in {town}, police said.',
  'Belgorod is located less than 30 km from the {Demonym} border, where tens of thousands of troops have massed.',
];

const COUNTRIES: Array<[string, string, string]> = [
  ['Russia', 'Russian', 'Putin'], ['Ukraine', 'Ukrainian', 'Zelensky'], ['France', 'French', 'Macron'], ['Germany', 'German', 'Scholz'],
  ['Poland', 'Polish', 'Duda'], ['China', 'Chinese', 'Xi'], ['India', 'Indian', 'Modi'], ['Turkey', 'Turkish', 'Erdogan'],
  ['Italy', 'Italian', 'Draghi'], ['Spain', 'Spanish', 'Sanchez'], ['Japan', 'Japanese', 'Kishida'], ['Canada', 'Canadian', 'Trudeau'],
];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Vandelay'];
const CLUBS = ['United', 'City', 'Rovers', 'Athletic', 'Wanderers', 'Albion', 'Villa', 'Forest', 'County', 'Town'];
const TOWNS = ['Greenford', 'Ashby', 'Millbrook', 'Eastwick', 'Riverton', 'Hollow Creek', 'Stonebridge', 'Fairview'];

function fill(template: string, seed: number): string {
  const [country, demonym, leader] = COUNTRIES[seed % COUNTRIES.length]!;
  const other = COUNTRIES[(seed + 1 + (seed % 5)) % COUNTRIES.length]![0];
  const club = CLUBS[seed % CLUBS.length]!;
  const rival = CLUBS[(seed + 3) % CLUBS.length]!;
  return template
    .replace(/\{country\}/g, country).replace(/\{Demonym\}/g, demonym).replace(/\{leader\}/g, leader).replace(/\{other\}/g, other)
    .replace(/\{company\}/g, COMPANIES[(seed >> 2) % COMPANIES.length]!).replace(/\{club\}/g, club).replace(/\{rival\}/g, rival)
    .replace(/\{town\}/g, TOWNS[(seed >> 1) % TOWNS.length]!);
}

/**
 * A deterministic article of about `bytes` characters with a dateline in 2022: figure-dense (some 70 figures in
 * 5 KB, far more than real news), with countries, companies, clubs and towns varying by seed.
 */
export function sampleArticle(seed: number, bytes = 5000): string {
  const day = new Date(Date.UTC(2022, 0, 1 + (seed * 7919) % 365)).toISOString().slice(0, 10);
  let text = `Sample article ${seed}\n${day}\n`;
  let k = seed;
  while (text.length < bytes) {
    const paragraph: string[] = [];
    for (let s = 0; s < 3; s++) {
      k = (k * 1103515245 + 12345) % 2147483648;
      paragraph.push(fill(SENTENCES[k % SENTENCES.length]!, seed));
    }
    text += `${paragraph.join(' ')}\n\n`;
  }
  return text.slice(0, bytes);
}

export interface FigureSpeed {
  /** Median milliseconds to extract the figures of a 5 KB article and upsert them into a warm cluster index. */
  extractAndClusterMsMedian: number;
  extractAndClusterMsP95: number;
  figuresPerArticle: number;
  /** Milliseconds for a 1 MB line of digits and commas. */
  pathologicalLineMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Measures what the server does per edited article: read the figures of an analysed 5 KB article and upsert
 * them into the corpus figure index (holding `corpus` other articles with datelines spread over a year).
 * The article model itself (parsing, dates) is analysed beforehand: it is not figure work.
 */
export function measureFigureSpeed(options: { articles?: number; corpus?: number } = {}): FigureSpeed {
  const articles = options.articles ?? 200;
  const corpusSize = options.corpus ?? 2000;
  const corpus = new FigureCorpus();
  for (let n = 0; n < corpusSize; n++) corpus.upsertAnalyzed(analyzeArticle(`corpus-${n}`, sampleArticle(n + 100_000)));
  const analyzed = Array.from({ length: articles }, (_, n) => analyzeArticle(`edited-${n % 10}`, sampleArticle(n)));
  for (let n = 0; n < 20; n++) figuresOfArticle(analyzed[n % analyzed.length]!); // warm up
  const times: number[] = [];
  let figures = 0;
  for (const a of analyzed) {
    const started = performance.now();
    const found = figuresOfArticle(a);
    corpus.upsertArticle(a.id, found);
    times.push(performance.now() - started);
    figures += found.length;
  }
  const line = '1234567890,'.repeat(Math.ceil(1_000_000 / 11)).slice(0, 1_000_000);
  const started = performance.now();
  extractFigures(line);
  const pathologicalLineMs = performance.now() - started;
  return {
    extractAndClusterMsMedian: median(times),
    extractAndClusterMsP95: percentile(times, 0.95),
    figuresPerArticle: figures / articles,
    pathologicalLineMs,
  };
}
