// Units of figures: currencies (symbols, codes, words), scale abbreviations, percentages and measures.
import type { Dimension } from './types';

/** Currency symbols written before (or after) an amount. Multi-letter prefixes are glued: "US$", "A$". */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'], ['₩', 'KRW'], ['₺', 'TRY'],
]);

/** Letters glued before "$": "US$5m", "A$3bn". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['hk', 'HKD'], ['nz', 'NZD'], ['s', 'SGD'], ['r', 'BRL'],
]);

/** ISO codes written before or after an amount: "USD 5m", "5bn euros". */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'RUB', 'UAH', 'INR', 'CHF', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'BRL', 'KRW', 'TRY',
  'SEK', 'NOK', 'DKK', 'PLN', 'ZAR', 'MXN', 'ISK', 'COP', 'IDR', 'ARS', 'CLP', 'EGP', 'NGN', 'KES', 'PKR', 'THB', 'MYR',
  'TWD', 'VND', 'ILS', 'NIS', 'SAR', 'AED', 'HUF', 'CZK', 'RON', 'GEL', 'GHS', 'BDT', 'LKR', 'UGX', 'TZS',
]);

/** Codes written only before the amount that are not ISO: "Rs 500", "Rs. 206 crore", "Rp 4,000", "NIS 5 million". */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['Rs', 'INR'], ['Rp', 'IDR'], ['NIS', 'ILS'], ['RMB', 'CNY'], ['Sh', 'KES'], ['Ksh', 'KES'], ['KSh', 'KES'],
]);

/** A currency named as a word before the amount: "(Euro 142 million)". Read only before a scale word or grouped digits, not "Euro 2008". */
export const CURRENCY_WORDS_BEFORE: ReadonlyMap<string, string> = new Map([['euro', 'EUR'], ['euros', 'EUR']]);

/** Adjectives before a currency word that decide which currency it is: "Swiss francs", "Canadian dollars". */
export const CURRENCY_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['swiss', 'CHF'], ['australian', 'AUD'], ['canadian', 'CAD'], ['singapore', 'SGD'], ['american', 'USD'], ['us', 'USD'],
  ['mexican', 'MXN'], ['argentine', 'ARS'], ['argentinian', 'ARS'], ['chilean', 'CLP'], ['colombian', 'COP'],
  ['philippine', 'PHP'], ['indian', 'INR'], ['pakistani', 'PKR'], ['danish', 'DKK'], ['norwegian', 'NOK'], ['swedish', 'SEK'],
  ['icelandic', 'ISK'], ['taiwan', 'TWD'], ['taiwanese', 'TWD'], ['jamaican', 'JMD'], ['zimbabwean', 'ZWD'], ['zimbabwe', 'ZWD'],
  ['namibian', 'NAD'], ['fijian', 'FJD'], ['kenyan', 'KES'], ['ugandan', 'UGX'], ['tanzanian', 'TZS'], ['egyptian', 'EGP'],
  ['new', ''],
]);

/** Currency words after an amount ("5.65bn euros"). "pounds" is money only after a scale word (else weight). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['sterling', 'GBP'], ['yen', 'JPY'],
  ['yuan', 'CNY'], ['renminbi', 'CNY'], ['rouble', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'], ['rubles', 'RUB'],
  ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['hryvnas', 'UAH'], ['rupee', 'INR'], ['rupees', 'INR'], ['franc', 'CHF'],
  ['francs', 'CHF'], ['won', 'KRW'], ['lira', 'TRY'], ['zloty', 'PLN'], ['zlotys', 'PLN'], ['kronor', 'SEK'], ['rand', 'ZAR'],
  ['rupiah', 'IDR'], ['baht', 'THB'], ['shekel', 'ILS'], ['shekels', 'ILS'], ['ringgit', 'MYR'], ['naira', 'NGN'],
  ['lari', 'GEL'], ['laris', 'GEL'], ['lei', 'RON'], ['leu', 'RON'], ['forint', 'HUF'], ['forints', 'HUF'], ['koruna', 'CZK'],
  ['korunas', 'CZK'], ['kronur', 'ISK'], ['cedi', 'GHS'], ['cedis', 'GHS'], ['dirham', 'AED'], ['dirhams', 'AED'],
  ['taka', 'BDT'], ['kwacha', 'ZMW'], ['vatu', 'VUV'],
]);

/** Scale abbreviations glued to (or after) digits: "$7.4bn", "£200m", "5k". */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9], ['bln', 1e9], ['b', 1e9], ['mn', 1e6], ['mln', 1e6], ['m', 1e6], ['k', 1e3], ['tn', 1e12], ['trn', 1e12], ['tr', 1e12],
]);

export interface MeasureUnit {
  unit: string;
  dimension: Dimension;
  /** Factor to the dimension's base unit (metre, square metre, kilogram, litre, second, km/h, watt, watt-hour). */
  scale: number;
}

const measure = (unit: string, dimension: Dimension, scale: number): MeasureUnit => ({ unit, dimension, scale });

const KM = measure('km', 'length', 1000);
const METRE = measure('m', 'length', 1);
const MILE = measure('mile', 'length', 1609.344);
const HOUR = measure('hour', 'duration', 3600);
const DAY = measure('day', 'duration', 86400);
const YEAR = measure('year', 'duration', 31557600);

/** Measure units by lower-case word; plural and singular forms. "m" is decided by context in the grammar. */
export const MEASURE_UNITS: ReadonlyMap<string, MeasureUnit> = new Map([
  ['km', KM], ['kms', KM], ['kilometre', KM], ['kilometres', KM], ['kilometer', KM], ['kilometers', KM],
  ['metre', METRE], ['metres', METRE], ['meter', METRE], ['meters', METRE],
  ['cm', measure('cm', 'length', 0.01)], ['centimetres', measure('cm', 'length', 0.01)], ['centimeters', measure('cm', 'length', 0.01)],
  ['mm', measure('mm', 'length', 0.001)], ['millimetres', measure('mm', 'length', 0.001)], ['millimeters', measure('mm', 'length', 0.001)],
  ['mile', MILE], ['miles', MILE], ['mi', MILE],
  ['yard', measure('yard', 'length', 0.9144)], ['yards', measure('yard', 'length', 0.9144)], ['yds', measure('yard', 'length', 0.9144)],
  ['foot', measure('ft', 'length', 0.3048)], ['feet', measure('ft', 'length', 0.3048)], ['ft', measure('ft', 'length', 0.3048)],
  ['inch', measure('inch', 'length', 0.0254)], ['inches', measure('inch', 'length', 0.0254)],
  ['hectare', measure('ha', 'area', 1e4)], ['hectares', measure('ha', 'area', 1e4)], ['ha', measure('ha', 'area', 1e4)],
  ['acre', measure('acre', 'area', 4046.856)], ['acres', measure('acre', 'area', 4046.856)],
  ['km2', measure('km2', 'area', 1e6)], ['km²', measure('km2', 'area', 1e6)],
  ['kg', measure('kg', 'mass', 1)], ['kgs', measure('kg', 'mass', 1)], ['kilogram', measure('kg', 'mass', 1)], ['kilograms', measure('kg', 'mass', 1)],
  ['kilo', measure('kg', 'mass', 1)], ['kilos', measure('kg', 'mass', 1)],
  ['tonne', measure('t', 'mass', 1000)], ['tonnes', measure('t', 'mass', 1000)], ['ton', measure('t', 'mass', 1000)], ['tons', measure('t', 'mass', 1000)],
  ['gram', measure('g', 'mass', 0.001)], ['grams', measure('g', 'mass', 0.001)], ['grammes', measure('g', 'mass', 0.001)],
  ['mg', measure('mg', 'mass', 1e-6)], ['milligrams', measure('mg', 'mass', 1e-6)], ['oz', measure('oz', 'mass', 0.028349523)],
  ['ounce', measure('oz', 'mass', 0.028349523)], ['ounces', measure('oz', 'mass', 0.028349523)],
  ['lb', measure('lb', 'mass', 0.45359237)], ['lbs', measure('lb', 'mass', 0.45359237)], ['pound', measure('lb', 'mass', 0.45359237)],
  ['pounds', measure('lb', 'mass', 0.45359237)],
  ['litre', measure('l', 'volume', 1)], ['litres', measure('l', 'volume', 1)], ['liter', measure('l', 'volume', 1)], ['liters', measure('l', 'volume', 1)],
  ['gallon', measure('gallon', 'volume', 3.785411784)], ['gallons', measure('gallon', 'volume', 3.785411784)],
  ['bcm', measure('bcm', 'volume', 1e12)],
  ['second', measure('second', 'duration', 1)], ['seconds', measure('second', 'duration', 1)], ['secs', measure('second', 'duration', 1)],
  ['minute', measure('minute', 'duration', 60)], ['minutes', measure('minute', 'duration', 60)], ['mins', measure('minute', 'duration', 60)],
  ['hour', HOUR], ['hours', HOUR], ['hr', HOUR], ['hrs', HOUR],
  ['day', DAY], ['days', DAY],
  ['week', measure('week', 'duration', 604800)], ['weeks', measure('week', 'duration', 604800)],
  ['month', measure('month', 'duration', 2629800)], ['months', measure('month', 'duration', 2629800)],
  ['year', YEAR], ['years', YEAR], ['yr', YEAR], ['yrs', YEAR],
  ['decade', measure('decade', 'duration', 315576000)], ['decades', measure('decade', 'duration', 315576000)],
  ['mph', measure('mph', 'speed', 1.609344)], ['kph', measure('km/h', 'speed', 1)], ['kmh', measure('km/h', 'speed', 1)],
  ['knots', measure('knot', 'speed', 1.852)],
  ['kw', measure('kW', 'power', 1e3)], ['mw', measure('MW', 'power', 1e6)], ['gw', measure('GW', 'power', 1e9)],
  ['megawatts', measure('MW', 'power', 1e6)], ['gigawatts', measure('GW', 'power', 1e9)],
  ['kwh', measure('kWh', 'energy', 1e3)], ['mwh', measure('MWh', 'energy', 1e6)], ['gwh', measure('GWh', 'energy', 1e9)],
  ['twh', measure('TWh', 'energy', 1e12)],
]);

/** Units only read when glued to the digits ("48h", "5K"), because the bare letter is too common as a word. */
export const GLUED_ONLY_UNITS: ReadonlyMap<string, MeasureUnit> = new Map([
  ['h', HOUR], ['m', METRE], ['t', measure('t', 'mass', 1000)], ['g', measure('g', 'mass', 0.001)],
]);

/** Temperature after a degree sign: "5°C". */
export const TEMPERATURE: ReadonlyMap<string, MeasureUnit> = new Map([
  ['c', measure('°C', 'temperature', 1)], ['f', measure('°F', 'temperature', 1)],
]);

export const KM_UNIT = KM;
export const METRE_UNIT = METRE;

/** Words after a number that mean percent. */
export const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'pct', 'pc']);

/** Base-unit factor of a unit name, for comparing figures of one dimension. */
export function dimensionLabel(dimension: Dimension): string {
  switch (dimension) {
    case 'proportion':
      return 'share';
    case 'percentage-points':
      return 'percentage points';
    default:
      return dimension;
  }
}
