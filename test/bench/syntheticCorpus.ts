// Deterministic generator of messy synthetic news articles for benchmarks.
// Same (count, seed, GENERATOR_VERSION) → byte-identical files. Every article is generated from its own
// PRNG stream (seed + index), so any single article can be regenerated without the others.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump whenever the output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20220216;
/** Target article size in bytes (UTF-8); each article lands within ±20% of it. */
export const TARGET_ARTICLE_BYTES = 5000;

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 seeded through a 32-bit mix of (seed, index).

export type Random = () => number;

function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export function createRandom(seed: number, stream = 0): Random {
  let state = mix32(mix32(seed) ^ Math.imul(stream + 1, 0x9e3779b9));
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly random: Random) {}
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.random() * (maxInclusive - min + 1));
  }
  chance(probability: number): boolean {
    return this.random() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  /** Picks by weight: entries are [item, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC only: output must not depend on the machine's time zone or locale).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Day {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
}

function dayFromEpochDays(epochDays: number): Day {
  const date = new Date(epochDays * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

function epochDays(day: Day): number {
  return Math.round(Date.UTC(day.year, day.month - 1, day.day) / 86_400_000);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Day) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

/** Thousands separators without Intl, so output is identical under every ICU build. */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

interface Country {
  name: string;
  adjective: string;
  cities: string[];
}

const COUNTRIES: Country[] = [
  { name: 'Russia', adjective: 'Russian', cities: ['Moscow', 'St. Petersburg', 'Belgorod', 'Rostov-on-Don'] },
  { name: 'Ukraine', adjective: 'Ukrainian', cities: ['Kyiv', 'Lviv', 'Kharkiv', 'Odesa', 'Mariupol'] },
  { name: 'the United States', adjective: 'US', cities: ['Washington', 'New York', 'Chicago', 'Houston', 'Denver'] },
  { name: 'Germany', adjective: 'German', cities: ['Berlin', 'Munich', 'Hamburg', 'Frankfurt'] },
  { name: 'France', adjective: 'French', cities: ['Paris', 'Lyon', 'Marseille'] },
  { name: 'Poland', adjective: 'Polish', cities: ['Warsaw', 'Krakow', 'Rzeszow'] },
  { name: 'Britain', adjective: 'British', cities: ['London', 'Manchester', 'Glasgow', 'Leeds'] },
  { name: 'China', adjective: 'Chinese', cities: ['Beijing', 'Shanghai', 'Shenzhen'] },
  { name: 'India', adjective: 'Indian', cities: ['New Delhi', 'Mumbai', 'Bengaluru'] },
  { name: 'Japan', adjective: 'Japanese', cities: ['Tokyo', 'Osaka'] },
  { name: 'Brazil', adjective: 'Brazilian', cities: ['Brasilia', 'Sao Paulo', 'Rio de Janeiro'] },
  { name: 'Canada', adjective: 'Canadian', cities: ['Ottawa', 'Toronto', 'Vancouver'] },
  { name: 'Italy', adjective: 'Italian', cities: ['Rome', 'Milan', 'Naples'] },
  { name: 'Turkey', adjective: 'Turkish', cities: ['Ankara', 'Istanbul'] },
  { name: 'Belarus', adjective: 'Belarusian', cities: ['Minsk', 'Brest'] },
  { name: 'Spain', adjective: 'Spanish', cities: ['Madrid', 'Barcelona', 'Valencia'] },
  { name: 'Australia', adjective: 'Australian', cities: ['Canberra', 'Sydney', 'Melbourne'] },
  { name: 'Nigeria', adjective: 'Nigerian', cities: ['Abuja', 'Lagos'] },
  { name: 'Sweden', adjective: 'Swedish', cities: ['Stockholm', 'Gothenburg'] },
  { name: 'Mexico', adjective: 'Mexican', cities: ['Mexico City', 'Guadalajara'] },
];

const FIRST_NAMES = [
  'Anna', 'Olena', 'Maria', 'Sofia', 'Jane', 'Emily', 'Laura', 'Ingrid', 'Priya', 'Amara', 'Chen', 'Yuki', 'Fatima',
  'Lucia', 'Helena', 'Marta', 'Claire', 'Nadia', 'Julianne', 'Grace', 'Dmytro', 'Sergey', 'Olaf', 'Antony', 'Joe',
  'Igor', 'Jens', 'Emmanuel', 'Rishi', 'Luiz', 'Marco', 'Pedro', 'Tomasz', 'Jake', 'Ned', 'Kofi', 'Hiroshi', 'Ahmed',
  'Lars', 'Daniel', 'Michael', 'David', 'Oleksandr', 'Andrzej', 'Mateo', 'Samuel', 'Viktor', 'Paul',
];
const SURNAMES = [
  'Kovalenko', 'Petrov', 'Schmidt', 'Dubois', 'Nowak', 'Smith', 'Johnson', 'Garcia', 'Rossi', 'Tanaka', 'Wang', 'Sharma',
  'Okafor', 'Silva', 'Andersson', 'Yilmaz', 'Moreau', 'Becker', 'Kowalski', 'Ivanenko', 'Sokolov', 'Brennan', 'Hughes',
  "O'Connor", 'Fischer', 'Lindqvist', 'Hernandez', 'Nakamura', 'Adeyemi', 'Mendes', 'Kuznetsova', 'Bianchi', 'Lefebvre',
  'Walsh', 'Reyes', 'Novak', 'Horvath', 'Marchenko', 'Weber', 'Campbell', 'Doe', 'Roe', 'Moulson', 'Lederer', 'Price',
  'Carter', 'Zakharenko', 'Boyko', 'Lindgren', 'Castillo',
];

type Domain = 'politics' | 'business' | 'sport' | 'science' | 'local';
const DOMAINS: Domain[] = ['politics', 'business', 'sport', 'science', 'local'];

const TITLES: Record<Domain, string[]> = {
  politics: [
    '{adj} President', '{adj} Prime Minister', '{adj} Foreign Minister', '{adj} Defense Minister', '{adj} Ambassador to NATO',
    'Secretary of State', '{adj} Chancellor', 'Kremlin spokesperson', 'Defense Ministry spokesman', 'Senator',
    'NATO Secretary General', 'General', 'national security adviser',
  ],
  business: [
    'chief executive', 'CEO', 'chief financial officer', 'economist', 'analyst', 'chair', 'Finance Minister',
    'central bank governor', 'portfolio manager',
  ],
  sport: ['coach', 'manager', 'striker', 'captain', 'goalkeeper', 'head coach', 'midfielder', 'team doctor'],
  science: ['Professor', 'Dr.', 'lead author', 'researcher', 'director', 'epidemiologist', 'climate scientist'],
  local: ['Mayor', 'Councillor', 'Police Chief', 'Fire Chief', 'school principal', 'Sheriff', 'local resident', 'shop owner'],
};

const ORGANIZATIONS: Record<Domain, string[]> = {
  politics: [
    'NATO', 'the European Union', 'the United Nations', 'the Kremlin', 'the Pentagon', 'the State Department',
    'the Defense Ministry', 'the Organization for Security and Co-operation in Europe (OSCE)', 'the White House',
    'the G7', 'the Security Council',
  ],
  business: [
    'the International Monetary Fund (IMF)', 'Gazprom', 'Deutsche Bank', 'Goldman Sachs', 'Siemens', 'the European Central Bank',
    'the Federal Reserve', 'Nord Stream 2 AG', 'Shell', 'Volkswagen', 'the World Bank', 'Bloomberg Intelligence',
  ],
  sport: ['FIFA', 'UEFA', 'the Premier League', 'the International Olympic Committee', 'Dynamo Kyiv', 'Shakhtar Donetsk', 'Bayern Munich', 'the NBA'],
  science: [
    'NASA', 'the European Space Agency', 'the World Health Organization', 'MIT', 'the University of Oxford',
    'the Max Planck Institute', 'the Met Office', 'the National Academy of Sciences', 'Imperial College London',
  ],
  local: ['the city council', "the county sheriff's office", 'the Red Cross', 'the fire department', 'the school board', 'the transit authority', 'the local hospital'],
};

const OUTLETS = ['Reuters', 'the Associated Press', 'Interfax', 'Sputnik', 'AFP', 'CNN', 'Politico', 'Sky News', 'Bloomberg', 'the BBC'];
const SITE_DOMAINS = ['news.yahoo.com', 'www.cnbc.com', 'apnews.com', 'www.reuters.com', 'www.theguardian.com', 'www.dailynewsbyte.com', 'ustimetoday.com', 'www.localherald.org', 'www.sportsdesk.net'];

const EMOJI = ['🇺🇦', '👉', '📈', '⚽', '🔬', '🚒', '🔥', '🙏', '💬', '📉'];

// ---------------------------------------------------------------------------------------------
// Article context: the cast and date an article talks about.

interface Person {
  firstMention: string;
  surname: string;
  mentioned: boolean;
}

interface ArticleContext {
  dice: Dice;
  domain: Domain;
  dateline: Day;
  country: Country;
  otherCountry: Country;
  cast: Person[];
  mojibake: boolean;
  usedTemplates: Set<string>;
}

function makePerson(dice: Dice, domain: Domain, country: Country): Person {
  const first = dice.pick(FIRST_NAMES);
  const surname = dice.pick(SURNAMES);
  const title = dice.pick(TITLES[domain]).replace('{adj}', country.adjective);
  const name = `${first} ${surname}`;
  // Titles come before the name ("Foreign Minister Dmytro Kovalenko") or after it as an apposition.
  const article = /^[aeiou]/i.test(title) ? 'an' : 'a';
  const firstMention =
    dice.chance(0.7) || title.endsWith('.') || /^[A-Z]/.test(title)
      ? `${title} ${name}`
      : `${name}, ${domain === 'business' ? `${title} of ${dice.pick(ORGANIZATIONS.business)}` : `${article} ${title}`},`;
  return { firstMention: firstMention, surname, mentioned: false };
}

function personRef(context: ArticleContext): string {
  const person = context.dice.pick(context.cast);
  if (!person.mentioned) {
    person.mentioned = true;
    return person.firstMention;
  }
  return person.surname;
}

/** A day shortly before the dateline, mostly named by weekday ("on Tuesday"). */
function recentDay(context: ArticleContext): Day {
  return dayFromEpochDays(epochDays(context.dateline) - context.dice.int(0, 6));
}

function weekdayPhrase(context: ArticleContext): string {
  const { dice } = context;
  const day = recentDay(context);
  // About one article phrase in 40 names the wrong weekday next to an explicit date: the rule has work to do.
  const wrong = dice.chance(0.025);
  const weekday = WEEKDAYS[wrong ? (day.weekday + dice.int(1, 6)) % 7 : day.weekday]!;
  return dice.weighted<string>([
    [`on ${weekday}`, 6],
    [`on ${weekday}, ${MONTHS_AP[day.month - 1]} ${day.day}`, 1],
    [`on ${weekday} ${MONTHS_AP[day.month - 1]} ${day.day}`, 1],
    [`on ${weekday}, ${MONTHS[day.month - 1]} ${day.day}`, 1],
    [`last ${WEEKDAYS[day.weekday]}`, 1],
    [`${weekday} morning`, 1],
    [`late on ${weekday}`, 1],
  ]);
}

function timePhrase(context: ArticleContext): string {
  const { dice, dateline } = context;
  return dice.weighted<string>([
    [weekdayPhrase(context), 10],
    ['this week', 2],
    ['last week', 2],
    ['earlier this month', 1],
    [`in ${MONTHS[dice.int(0, 11)]}`, 1],
    [`on ${MONTHS[dateline.month - 1]} ${dateline.day}, ${dateline.year}`, 1],
    ['in recent days', 1],
    ['over the weekend', 1],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Figures.

function cardinal(dice: Dice): string {
  return dice.weighted<string>([
    [withCommas(dice.int(2, 99) * 1000), 3],
    [withCommas(dice.int(100, 200) * 1000), 3],
    [withCommas(dice.int(1000, 99_999)), 2],
    [String(dice.int(2, 999)), 3],
    [`${dice.int(1, 9)}.${dice.int(1, 9)} million`, 1],
  ]);
}

function peopleFigure(context: ArticleContext): string {
  const { dice, domain } = context;
  const nouns: Record<Domain, string[]> = {
    politics: ['troops', 'soldiers', 'refugees', 'civilians', 'diplomats', 'tanks', 'armoured vehicles'],
    business: ['jobs', 'employees', 'customers', 'shareholders', 'barrels a day', 'vehicles'],
    sport: ['fans', 'spectators', 'tickets', 'season-ticket holders'],
    science: ['patients', 'participants', 'samples', 'species', 'volunteers'],
    local: ['residents', 'households', 'homes', 'commuters', 'pupils', 'volunteers'],
  };
  const noun = dice.pick(nouns[domain]);
  return dice.weighted<string>([
    [`more than ${cardinal(dice)} ${noun}`, 3],
    [`about ${cardinal(dice)} ${noun}`, 2],
    [`${cardinal(dice)} ${noun}`, 3],
    [`nearly ${cardinal(dice)} ${noun}`, 1],
    [`up to ${cardinal(dice)} ${noun}`, 1],
    [`over ${cardinal(dice)} ${noun}`, 1],
    [`tens of thousands of ${noun}`, 1],
    [`hundreds of ${noun}`, 1],
    [`roughly ${cardinal(dice)} ${noun}`, 1],
  ]);
}

function moneyFigure(dice: Dice): string {
  const amount = `${dice.int(1, 99)}${dice.chance(0.6) ? `.${dice.int(1, 99)}` : ''}`;
  return dice.weighted<string>([
    [`$${amount}bn`, 3],
    [`${amount}bn euros`, 2],
    [`£${amount}m`, 2],
    [`$${amount} billion`, 2],
    [`€${amount} million`, 1],
    [`$ ${dice.int(1, 9)} billion`, 1],
    [`${withCommas(dice.int(10, 900) * 1000)} roubles`, 1],
    [`${amount} million dollars`, 1],
  ]);
}

function percentFigure(dice: Dice): string {
  const value = dice.chance(0.5) ? `${dice.int(0, 99)}.${dice.int(0, 9)}` : String(dice.int(1, 99));
  return dice.weighted<string>([
    [`${value}%`, 4],
    [`${value} per cent`, 1],
    [`${value} percent`, 1],
  ]);
}

function distanceFigure(dice: Dice): string {
  return dice.weighted<string>([
    [`${dice.int(2, 400)} km`, 3],
    [`${dice.int(2, 250)} miles`, 2],
    [`${withCommas(dice.int(1, 40) * 100)} metres`, 1],
    [`${dice.int(2, 90)} kilometres`, 1],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Sentence templates. Slots: {person} {place} {city} {country} {org} {outlet} {when} {people}
// {money} {percent} {distance} {quote} {adj} {otherCountry} {number} {score}.

const SHARED_SENTENCES = [
  '{person} said {when} that the situation remained "very fluid".',
  'According to {outlet}, {person} declined to comment {when}.',
  'The announcement came {when}, after weeks of heightened tension.',
  '{quote} {person} told reporters in {city}.',
  'It remains unclear how the figures were calculated, {outlet} reported.',
  'Officials in {city} expect a decision {when}.',
  '{person} later confirmed the report in a statement posted online.',
];

const DOMAIN_SENTENCES: Record<Domain, string[]> = {
  politics: [
    '{country} has amassed {people} near its border with {otherCountry}, according to {org}.',
    '{person} said {when} that {country} was ready to continue talks with {org} on security guarantees.',
    '{quote} {person} said after meeting {person} in {city}.',
    'Western officials warned that an invasion could happen at any time, while {org} said it saw no signs of de-escalation.',
    'Satellite images published {when} showed {people} less than {distance} from the border.',
    '{org} has dispatched {people} and military supplies to allies in Eastern Europe.',
    '{person} accused {org} of ignoring {country}\u2019s main demands.',
    'The {adj} embassy in {city} was "temporarily relocating" to {city}, the State Department said {when}.',
    'Some units taking part in the drills would begin returning to their bases, the Defense Ministry said {when}.',
    '{person} warned that sanctions worth {money} could follow within days.',
    'The {adj} parliament voted {when} to recognise the breakaway regions, a move condemned by {org}.',
    'Diplomats in {city} described the talks as "difficult but necessary".',
    '{org} estimated that {people} had crossed into {otherCountry} {when}.',
    'Talks between {person} and {person} in {city} ended {when} without agreement.',
    '{country} denies it has any plans to invade, despite stationing {people} on three sides of {otherCountry}.',
    'The {adj} Foreign Ministry summoned the ambassador {when} over what it called provocations.',
    '{person} is expected to travel to {city} {when} for meetings with allies.',
    '{org} said it had approved {money} in military and humanitarian aid.',
    'Convoys of {people} were seen moving {distance} north of {city}, residents said.',
    'The ceasefire, agreed {when}, was broken within hours, monitors from {org} reported.',
    'Polls suggest {percent} of voters in {country} support the government\u2019s approach.',
    'Intelligence officials briefed allies {when} that an attack could come within days.',
    'The exercises involve {people}, the largest deployment since the Cold War.',
  ],
  business: [
    'Shares in {org} fell {percent} {when}, wiping {money} off its market value.',
    '{person} said the company expected revenue of {money} this year, up {percent}.',
    '{org} agreed to buy its rival for {money} in a deal announced {when}.',
    'Brent crude rose {percent} to ${number} a barrel {when} on fears of supply disruption.',
    'The central bank raised its key rate to {percent}, its {ordinal} increase this year.',
    'Inflation in {country} reached {percent} in {month}, the highest level in {years} years.',
    '{quote} said {person}.',
    'The pipeline, which cost {money} to build, has yet to receive final approval from regulators in {city}.',
    'The plant employs {people} and exports to more than {number} countries.',
    '{org} cut its growth forecast for {country} to {percent} from {percent}.',
    'Analysts at {org} said the deal valued the group at roughly {money}.',
    'The rouble slid {percent} against the dollar {when} before recovering some losses.',
    'The group reported a net profit of {money} for the quarter, beating expectations.',
    '{org} said {when} it would cut {people} as part of a restructuring.',
    'Gas prices in Europe jumped {percent} {when} after supplies through the pipeline were halted.',
    'Exports to {otherCountry} fell {percent} in the first half, customs data showed.',
    '{person} told investors {when} that costs had risen by {money}.',
    'The index closed {percent} higher in {city}, led by energy and mining stocks.',
  ],
  sport: [
    '{city} won {score} {when} in front of {people}.',
    '{person} scored twice in the final {number} minutes to seal the victory.',
    '{quote} {person} said after the match.',
    'The club, owned by a {adj} consortium, paid {money} for the striker last summer.',
    '{org} said {when} that the final would be moved from {city} to {city}.',
    'The team have now gone {number} matches unbeaten, their best run since {year}.',
    'Ticket sales reached {people}, organisers said, with {percent} sold abroad.',
    '{person} was substituted after {number} minutes with a hamstring injury.',
    'The marathon route runs {distance} through the centre of {city}.',
    '{org} opened disciplinary proceedings against both clubs {when}.',
    'The visitors took the lead after {number} minutes through a header from {person}.',
    '{person} has signed a contract extension worth {money}, the club confirmed {when}.',
    'Attendance at the stadium in {city} averaged {people} this season.',
    '{person} finished the race in {number} minutes, {number} seconds behind the winner.',
  ],
  science: [
    'The study, published {when} in the journal Nature, followed {people} for {number} years.',
    '{person} said the results were "a significant step" but cautioned against over-interpretation.',
    'Researchers at {org} found that the risk fell by {percent} in the treated group.',
    'The telescope, built at a cost of {money}, orbits about {distance} from Earth.',
    '{quote} said {person}.',
    'Average temperatures in {city} were {number} degrees above the long-term mean, according to {org}.',
    'The trial enrolled {people} across {number} sites in {country} and {otherCountry}.',
    'Funding of {money} was announced {when} by {org}.',
    'Samples were collected within {distance} of the coast over {number} months.',
    'The team sequenced the genomes of {people} to trace the spread of the variant.',
    'Emissions in {country} rose {percent} last year, according to {org}.',
    'The probe travelled {distance} before sending back its first images {when}.',
    '{person} said further trials involving {people} would begin {when}.',
    'Sea levels near {city} have risen by {number} centimetres since {year}, the data show.',
  ],
  local: [
    'Firefighters were called to a warehouse on Main Street {when}, {org} said.',
    '{person} said the road would remain closed for at least {number} days.',
    '{people} were left without power after the storm {when}.',
    'Residents of {city} packed the meeting {when} to oppose the plan.',
    'The flood barrier, finished {when}, protects {people} along {distance} of the river.',
    '{person} urged drivers to avoid the area until at least {number} p.m.',
    'The hospital in {city} said it had treated {people} since the heatwave began.',
    'A petition against the closure has gathered {people} signatures.',
    'The council approved a budget of {money} for road repairs, up {percent} on last year.',
    '{quote} said {person}, who has lived in the area for {number} years.',
    'Police said a {number}-year-old man had been arrested {when} in connection with the incident.',
    'The new bus line will link the station to the hospital, a distance of {distance}.',
    'Voters in {city} will decide {when} whether to fund a new library.',
    'The school reopened {when} after repairs costing {money}.',
    '{org} said volunteers had collected {money} in donations.',
  ],
};

const QUOTES = [
  'We in {country} have a rule: we don\u2019t believe what we hear, we believe what we see.',
  'This gives grounds for cautious optimism.',
  'There are no such plans.',
  'We have already warned more than once that we will not allow endless negotiations.',
  'It is still the case that this could happen any day now.',
  'We are not going to comment on rumours.',
  'The numbers speak for themselves.',
  'We must verify what we are being told.',
  'It\u2019s a good result, but there is a lot of work ahead.',
  'Nobody expected it to be this close.',
  'We will keep every option on the table.',
  'This is the best team I have ever worked with.',
  'The data are clear, but the causes are not.',
  'People here are worried, and they have every right to be.',
  'We did everything we could with the resources we had.',
];

const HEADLINES: Record<Domain, string[]> = {
  politics: [
    '{country} says it is pulling back some troops from the border',
    '{country} says troops pull back, West seeks proof',
    '{adj} leader says talks with {org} are "far from exhausted"',
    '{org} urges caution as {country} moves {people} closer to the border',
    'Embassy in {city} relocates as tensions mount',
    '{country} rejects claims of imminent invasion',
  ],
  business: [
    '{org} shares slide {percent} as sanctions fears mount',
    '{org} agrees {money} takeover',
    'Inflation in {country} hits {percent}',
    'Oil tops ${number} as supply worries grow',
  ],
  sport: ['{city} beat rivals {score} to go top', '{org} moves final from {city}', 'Late double earns {city} a {score} win'],
  science: ['Study of {people} finds lower risk', '{org} unveils {money} telescope plan', 'Record heat recorded in {city}'],
  local: ['Storm leaves {people} without power', 'Council approves {money} road budget', 'Main Street reopens after warehouse fire'],
};

const SUBHEADINGS = [
  '{country} {otherCountry} crisis',
  'Diplomacy \u2018far from exhausted\u2019',
  '{people} stationed near the border',
  'What happens next',
  'Markets react',
  'Reaction in {city}',
  'A long road back',
];

function fillTemplate(template: string, context: ArticleContext): string {
  const { dice } = context;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return personRef(context);
      case 'country':
        return context.country.name;
      case 'otherCountry':
        return context.otherCountry.name;
      case 'adj':
        return context.country.adjective;
      case 'city':
        return dice.pick(dice.chance(0.6) ? context.country.cities : context.otherCountry.cities);
      case 'place':
        return dice.pick(dice.pick(COUNTRIES).cities);
      case 'org':
        return dice.pick(ORGANIZATIONS[dice.chance(0.8) ? context.domain : dice.pick(DOMAINS)]);
      case 'outlet':
        return dice.pick(OUTLETS);
      case 'when':
        return timePhrase(context);
      case 'people':
        return peopleFigure(context);
      case 'money':
        return moneyFigure(dice);
      case 'percent':
        return percentFigure(dice);
      case 'distance':
        return distanceFigure(dice);
      case 'number':
        return String(dice.int(2, 120));
      case 'ordinal':
        return dice.pick(['second', 'third', 'fourth', 'fifth']);
      case 'month':
        return MONTHS[dice.int(0, 11)]!;
      case 'year':
        return String(context.dateline.year - dice.int(1, 30));
      case 'years':
        return String(dice.int(2, 40));
      case 'score':
        return `${dice.int(1, 5)}-${dice.int(0, 3)}`;
      case 'quote':
        return `\u201c${fillTemplate(dice.pick(QUOTES), context).replace(/\.$/, ',')}\u201d`;
      default:
        return slot;
    }
  });
}

function capitalizeFirst(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

const LEAD_INS = ['However, ', 'Meanwhile, ', 'At the same time, ', 'In {city}, ', 'According to {outlet}, ', 'Earlier, ', 'Separately, ', 'On the other hand, '];
const TAILS = [', {outlet} reported', ', officials said', ', according to {org}', ', the statement said', ', sources told {outlet}'];

/** Picks templates without repeating one until the pool is used up, as real articles rarely repeat a sentence. */
function pickTemplate(context: ArticleContext): string {
  const { dice } = context;
  const pool = dice.chance(0.9) ? DOMAIN_SENTENCES[context.domain] : SHARED_SENTENCES;
  let fresh = pool.filter((template) => !context.usedTemplates.has(template));
  if (fresh.length === 0) {
    for (const template of pool) context.usedTemplates.delete(template);
    fresh = pool;
  }
  const template = dice.pick(fresh);
  context.usedTemplates.add(template);
  return template;
}

function sentence(context: ArticleContext): string {
  const { dice } = context;
  let template = pickTemplate(context);
  const quoted = template.startsWith('{quote}');
  if (!quoted && dice.chance(0.15)) template = dice.pick(LEAD_INS) + template[0]!.toLowerCase() + template.slice(1);
  if (!quoted && !template.includes('"') && template.endsWith('.') && dice.chance(0.15)) template = template.slice(0, -1) + dice.pick(TAILS) + '.';
  // An apposition ("Anna Smith, a coach,") before punctuation loses its closing comma.
  let text = capitalizeFirst(fillTemplate(template, context)).replace(/,([.,])/g, '$1');
  // Straight quotes become curly in most articles, as in pasted web copy.
  if (dice.chance(0.7)) text = text.replace(/"([^"]*)"/g, '\u201c$1\u201d').replace(/'/g, '\u2019');
  return text;
}

function paragraph(context: ArticleContext): string {
  const count = context.dice.int(2, 5);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(sentence(context));
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Header and boilerplate.

function datelineText(dice: Dice, day: Day): string {
  return dice.weighted<string>([
    [`date ${isoDate(day)}`, 3],
    [`${day.year}${pad2(day.month)}${pad2(day.day)}`, 3],
    [`${MONTHS[day.month - 1]} ${day.day}, ${day.year}`, 2],
    [`${MONTHS_AP[day.month - 1]} ${day.day}, ${day.year}`, 2],
    [`${isoDate(day)}T${pad2(dice.int(0, 23))}:${pad2(dice.int(0, 59))}:00Z`, 1],
  ]);
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function sourceUrl(dice: Dice, day: Day, headline: string): string {
  const site = dice.pick(SITE_DOMAINS);
  const slug = slugify(headline);
  return dice.weighted<string>([
    [`https://${site}/${slug}-${dice.int(100_000_000, 999_999_999)}.html`, 2],
    [`https://${site}/${day.year}/${pad2(day.month)}/${pad2(day.day)}/${slug}/`, 2],
    [`https://${site}/news/${slug}?utm_source=feed&id=${dice.int(1000, 99_999)}`, 1],
  ]);
}

function byline(dice: Dice): string {
  const name = () => `${dice.pick(FIRST_NAMES)} ${dice.pick(SURNAMES)}`;
  return dice.weighted<string>([
    [`By ${name()}`, 3],
    [`By ${name()} and ${name()}`, 1],
    [`By ${name()}, ${dice.pick(OUTLETS)}`, 1],
    ['By Jane Doe', 1],
  ]);
}

function boilerplateBlocks(context: ArticleContext, headline: string): string[] {
  const { dice } = context;
  const site = dice.pick(['USTimeToday', 'Good News Byte', 'NewsWire Daily', 'The Aggregator', 'WorldFeed 24']);
  const candidates: Array<readonly [() => string, number]> = [
    [() => 'Related Articles', 3],
    [() => 'Back to top button', 3],
    [() => `Copyright \u00a9 ${context.dateline.year} ${dice.pick(OUTLETS)}. All rights reserved.`, 3],
    [() => `Copyright \u00a9 ${context.dateline.year} of the Associated Press. Copyright Registered. ${headline}`, 1],
    [
      () =>
        `${site} is an automatic aggregator of the world\u2019s media. In each content, the hyperlink to the primary source is specified. All trademarks belong to their rightful owners, all materials to their authors. If you are the owner of the content and do not want us to publish your materials, please contact us by email \u2013 the content will be deleted within 24 hours.`,
      2,
    ],
    [() => `The post ${headline} first appeared on ${site}.`, 2],
    [() => 'No comments\n\nleave a comment', 1],
    [() => `${dice.pick(FIRST_NAMES)} ${dice.pick(SURNAMES)} in ${dice.pick(context.country.cities)} contributed to this report.`, 1],
    [() => 'Share this:\nFacebook\nTwitter\nWhatsApp', 1],
  ];
  const blocks: string[] = [];
  const count = dice.weighted<number>([
    [0, 2],
    [1, 3],
    [2, 3],
    [3, 2],
  ]);
  for (let i = 0; i < count; i++) blocks.push(dice.weighted(candidates)());
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Whole-article assembly.

const FIRST_DAY = epochDays({ year: 2021, month: 6, day: 1, weekday: 0 });
const LAST_DAY = epochDays({ year: 2022, month: 12, day: 31, weekday: 0 });

const MOJIBAKE: Array<[RegExp, string]> = [
  [/\u2019/g, '\u00e2\u20ac\u2122'],
  [/\u2018/g, '\u00e2\u20ac\u02dc'],
  [/\u201c/g, '\u00e2\u20ac\u0153'],
  [/\u201d/g, '\u00e2\u20ac\u009d'],
  [/\u2013/g, '\u00e2\u20ac\u201c'],
  [/\u00a9/g, '\u00c2\u00a9'],
];

/** Generates article number `index` of the corpus for `seed`. Pure: same arguments, same string. */
export function generateArticle(index: number, seed = DEFAULT_SEED): string {
  const dice = new Dice(createRandom(seed, index));
  const domain = dice.weighted<Domain>([
    ['politics', 4],
    ['business', 2],
    ['sport', 1],
    ['science', 1],
    ['local', 2],
  ]);
  const country = dice.pick(COUNTRIES);
  let otherCountry = dice.pick(COUNTRIES);
  if (otherCountry === country) otherCountry = COUNTRIES[(COUNTRIES.indexOf(country) + 1) % COUNTRIES.length]!;
  const context: ArticleContext = {
    dice,
    domain,
    dateline: dayFromEpochDays(dice.int(FIRST_DAY, LAST_DAY)),
    country,
    otherCountry,
    cast: [],
    mojibake: dice.chance(0.04),
    usedTemplates: new Set(),
  };
  const castSize = dice.int(3, 6);
  for (let i = 0; i < castSize; i++) {
    context.cast.push(makePerson(dice, dice.chance(0.8) ? domain : dice.pick(DOMAINS), dice.chance(0.7) ? country : otherCountry));
  }

  const headline = capitalizeFirst(fillTemplate(dice.pick(HEADLINES[domain]), context)).replace(/"/g, dice.chance(0.5) ? '"' : '\u201c');
  const paragraphBreak = dice.chance(0.3) ? '\n' : '\n\n';
  const header: string[] = [];
  const headerStyle = dice.weighted<string>([
    ['full', 6], // headline, date, URL, optional byline
    ['inline-date', 1], // " date 2022-02-16 Body starts on the same line"
    ['breadcrumb', 1], // site navigation glued to the headline, headline repeated
    ['none', 1], // body only
  ]);
  let bodyPrefix = '';
  if (headerStyle === 'full') {
    header.push(headline, datelineText(dice, context.dateline), sourceUrl(dice, context.dateline, headline));
    if (dice.chance(0.35)) header.push(byline(dice));
  } else if (headerStyle === 'inline-date') {
    bodyPrefix = ` date ${isoDate(context.dateline)} `;
  } else if (headerStyle === 'breadcrumb') {
    header.push(`Home${dice.pick(['Trading News', 'World', 'Politics', 'Sport', 'Local'])}${headline}`, '', headline, '');
    if (dice.chance(0.5)) {
      header.push(
        `${dice.pick(['Troops', 'Fans', 'Residents', 'Officials'])} gather in ${dice.pick(country.cities)}, ${country.name} on ${MONTHS[context.dateline.month - 1]} ${context.dateline.day}, ${context.dateline.year}.`,
        `${dice.pick(FIRST_NAMES)} ${dice.pick(SURNAMES)} | ${dice.pick(['Anadolu Agency', 'AFP', 'Reuters'])} | Getty Images`,
        '',
      );
    }
  }

  const blocks = boilerplateBlocks(context, headline);
  const boilerplateBytes = Buffer.byteLength(blocks.join('\n\n'), 'utf8');
  const targetBytes = dice.int(Math.round(TARGET_ARTICLE_BYTES * 0.85), Math.round(TARGET_ARTICLE_BYTES * 1.1));
  const paragraphs: string[] = [];
  let bodyBytes = Buffer.byteLength(header.join('\n'), 'utf8') + boilerplateBytes;
  while (bodyBytes < targetBytes) {
    let text: string;
    if (paragraphs.length > 1 && dice.chance(0.08)) text = fillTemplate(dice.pick(SUBHEADINGS), context);
    else text = paragraph(context);
    if (dice.chance(0.03)) text = `${dice.pick(EMOJI)} ${text}`;
    if (dice.chance(0.02)) text += ` ${dice.pick(EMOJI)}`;
    // Trim the paragraph that would overshoot, at a sentence end, to keep sizes near the target.
    const room = targetBytes - bodyBytes;
    if (Buffer.byteLength(text, 'utf8') > room + 400) {
      const cut = text.lastIndexOf('. ', room + 200);
      if (cut > 80) text = text.slice(0, cut + 1);
    }
    paragraphs.push(text);
    bodyBytes += Buffer.byteLength(text, 'utf8') + paragraphBreak.length;
  }
  if (bodyPrefix) paragraphs[0] = bodyPrefix + paragraphs[0];

  let article = [header.length ? header.join('\n') + '\n' : '', paragraphs.join(paragraphBreak), blocks.length ? paragraphBreak + blocks.join('\n\n') : ''].join('');
  if (dice.chance(0.7)) article += '\n';

  if (context.mojibake) {
    const limit = dice.chance(0.5) ? article.length : Math.floor(article.length / 2);
    let mangled = article.slice(0, limit);
    for (const [pattern, replacement] of MOJIBAKE) mangled = mangled.replace(pattern, replacement);
    article = mangled + article.slice(limit);
  }
  const lineEnding = dice.weighted<string>([
    ['\n', 88],
    ['\r\n', 11],
    ['\r', 1],
  ]);
  if (lineEnding !== '\n') article = article.replace(/\n/g, lineEnding);
  if (dice.chance(0.02)) article = '\ufeff' + article;
  return article;
}

// ---------------------------------------------------------------------------------------------
// Writing and caching corpora.

export interface SyntheticCorpus {
  /** The workspace folder: articles are in `<root>/corpus/`. */
  root: string;
  files: string[];
  bytes: number;
  articles: number;
  seed: number;
  /** True when an existing complete corpus was reused. */
  cached: boolean;
}

export function articleFileName(index: number, count: number): string {
  return `${String(index).padStart(Math.max(5, String(count - 1).length), '0')}.txt`;
}

/** Writes `count` articles to `<root>/corpus/NNNNN.txt`, replacing whatever was there. */
export function writeSyntheticCorpus(root: string, count: number, seed = DEFAULT_SEED): SyntheticCorpus {
  const corpusDir = join(root, 'corpus');
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const file = join(corpusDir, articleFileName(index, count));
    const content = Buffer.from(generateArticle(index, seed), 'utf8');
    writeFileSync(file, content);
    files.push(file);
    bytes += content.length;
  }
  return { root, files, bytes, articles: count, seed, cached: false };
}

interface Manifest {
  generatorVersion: number;
  articles: number;
  seed: number;
  bytes: number;
}

/** Default cache location: one folder per (count, seed, generator version) under the OS temp dir. */
export function cachedCorpusRoot(count: number, seed = DEFAULT_SEED, base = join(tmpdir(), 'corpus-lens-bench')): string {
  return join(base, `synthetic-n${count}-s${seed}-v${GENERATOR_VERSION}`);
}

/** Returns the cached corpus for (count, seed, version), generating it first when missing or incomplete. */
export function ensureSyntheticCorpus(count: number, seed = DEFAULT_SEED, root = cachedCorpusRoot(count, seed)): SyntheticCorpus {
  const manifestPath = join(root, 'manifest.json');
  const files = Array.from({ length: count }, (_, index) => join(root, 'corpus', articleFileName(index, count)));
  if (existsSync(manifestPath)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      if (manifest.generatorVersion === GENERATOR_VERSION && manifest.articles === count && manifest.seed === seed && files.every((file) => existsSync(file))) {
        return { root, files, bytes: manifest.bytes, articles: count, seed, cached: true };
      }
    } catch {
      // A broken manifest means a broken cache: regenerate below.
    }
  }
  rmSync(manifestPath, { force: true });
  const corpus = writeSyntheticCorpus(root, count, seed);
  // The manifest is written last, so an interrupted generation is never mistaken for a complete one.
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, articles: count, seed, bytes: corpus.bytes };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return corpus;
}
