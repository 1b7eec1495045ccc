// Word lists the figure grammar and its context readers consult. Lower case throughout.

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4], ['may', 5],
  ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9],
  ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** After a number: a time of day, not a quantity. */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'am', 'pm', 'a.m.', 'p.m.', 'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'et', 'pt', 'msk', 'eet', 'hrs', "o'clock",
]);

/** Before a number: the number names something (a page, an article of a treaty), it does not count. */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'page', 'pages', 'p', 'pp', 'photo', 'photos', 'image', 'images', 'picture', 'slide', 'video', 'chapter', 'article', 'section',
  'clause', 'paragraph', 'no', 'nos', 'number', 'vol', 'volume', 'issue', 'episode', 'season', 'part', 'flight', 'route',
  'gate', 'platform', 'room', 'highway', 'interstate', 'resolution', 'amendment', 'rule', 'item', 'figure', 'fig', 'table',
  'level', 'phase', 'stage', 'grade', 'category', 'class', 'division', 'district', 'ward', 'unit', 'block', 'line', 'track',
  'act', 'scene', 'verse', 'psalm', 'bill', 'order', 'decree', 'protocol', 'version', 'windows', 'iphone', 'apollo',
  'formula', 'covid', 'sars', 'hr', 'hb', 'sb', 'ref', 'id', 'code', 'tier', 'zone', 'terminal', 'pier', 'exit', 'junction',
  'week', 'day', 'round', 'game', 'match', 'matchday', 'gameweek', 'group', 'heat', 'lane', 'hole', 'stage',
]);

/** After a number: page furniture counters ("12 comments", "3 min read"). */
export const FURNITURE_AFTER: ReadonlySet<string> = new Set(['comments', 'comment', 'shares', 'likes', 'views', 'replies', 'retweets']);

export interface QualifierPhrase {
  words: readonly string[];
  kind: 'more-than' | 'at-least' | 'less-than' | 'at-most' | 'approximately' | 'nearly' | 'just-over';
}

const q = (phrase: string, kind: QualifierPhrase['kind']): QualifierPhrase => ({ words: phrase.split(' '), kind });

/** Qualifiers before a figure, longest first so that "no more than" wins over "more than". */
export const QUALIFIERS_BEFORE: readonly QualifierPhrase[] = [
  q('slightly more than', 'just-over'), q('a little more than', 'just-over'), q('a little over', 'just-over'),
  q('no more than', 'at-most'), q('no fewer than', 'at-least'), q('no less than', 'at-least'), q('not more than', 'at-most'),
  q('not less than', 'at-least'), q('a maximum of', 'at-most'), q('a minimum of', 'at-least'), q('in excess of', 'more-than'),
  q('in the region of', 'approximately'), q('on the order of', 'approximately'), q('in the order of', 'approximately'),
  q('as many as', 'at-most'), q('as much as', 'at-most'), q('as few as', 'at-least'), q('as little as', 'at-least'),
  q('just over', 'just-over'), q('just above', 'just-over'), q('just under', 'nearly'), q('just below', 'nearly'),
  q('just shy of', 'nearly'), q('well over', 'more-than'), q('well above', 'more-than'), q('well under', 'less-than'),
  q('well below', 'less-than'), q('more than', 'more-than'), q('greater than', 'more-than'), q('upwards of', 'more-than'),
  q('at least', 'at-least'), q('up to', 'at-most'), q('at most', 'at-most'), q('less than', 'less-than'),
  q('fewer than', 'less-than'), q('close to', 'nearly'), q('an estimated', 'approximately'), q('some', 'approximately'),
  q('over', 'more-than'), q('above', 'more-than'), q('exceeding', 'more-than'), q('under', 'less-than'),
  q('below', 'less-than'), q('within', 'at-most'), q('about', 'approximately'), q('around', 'approximately'),
  q('roughly', 'approximately'), q('approximately', 'approximately'), q('approx', 'approximately'),
  q('circa', 'approximately'), q('estimated', 'approximately'), q('nearly', 'nearly'), q('almost', 'nearly'),
  q('~', 'approximately'), q('≈', 'approximately'),
];

/** Words that attribute a statement to a source: "X said", "according to X". */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'estimated', 'estimates', 'estimate', 'stated', 'states',
  'announced', 'announces', 'claimed', 'claims', 'added', 'adds', 'noted', 'notes', 'warned', 'warns', 'wrote', 'writes',
  'tweeted', 'confirmed', 'confirms', 'disclosed', 'revealed', 'reveals', 'showed', 'shows', 'suggested', 'suggests',
  'insisted', 'insists', 'indicated', 'indicates', 'believes', 'believed', 'put', 'puts', 'counted', 'calculated',
  'projected', 'forecast', 'predicted', 'assessed', 'recorded', 'found', 'finds', 'argued', 'explained', 'acknowledged',
]);

/** Adverbials allowed between a source and its verb: "Biden on Tuesday said", "Interfax reportedly said". */
export const SOURCE_VERB_GAP: ReadonlySet<string> = new Set([
  'on', 'also', 'later', 'earlier', 'previously', 'repeatedly', 'has', 'have', 'had', 'reportedly', 'officially',
  'publicly', 'separately', 'again', 'first', 'then', 'now', 'recently', 'initially', 'last', 'this', 'yesterday', 'today',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'night', 'morning', 'evening',
  'afternoon', 'week', 'month', 'year', 'in', 'a', 'statement', 'has', 'would', 'had', 'also', 'said', 'once', 'already',
]);

/** Words that end a noun phrase when reading leftwards or rightwards. */
export const NP_STOP: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'while', 'when', 'where', 'as', 'because', 'if', 'than',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'to', 'by', 'with', 'from', 'for', 'of', 'in', 'on', 'at',
  'into', 'onto', 'after', 'before', 'since', 'until', 'during', 'about', 'over', 'under', 'between', 'against', 'per',
  'it', 'they', 'he', 'she', 'we', 'you', 'i', 'them', 'him', 'her', 'us', 'there', 'here', 'this', 'these', 'those',
  'then', 'so', 'also', 'still', 'even', 'just', 'only', 'all', 'more', 'less', 'most', 'such', 'up', 'down', 'out',
  'near', 'along', 'across', 'around', 'through', 'toward', 'towards', 'amid', 'among', 'including', 'like', 'via',
  'according', 'said', 'says', 'say', 'told', 'reported', 'added', 'the', 'a', 'an',
]);

/** Prepositions that may continue a subject: "troops near Ukraine's border", "loans to Ukraine". */
export const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set([
  'near', 'in', 'on', 'at', 'along', 'across', 'inside', 'outside', 'around', 'to', 'from', 'for', 'of', 'into', 'within',
  'on', 'off', 'throughout', 'among', 'against', 'over', 'under', 'close',
]);

/** Determiners and light adjectives skipped between a number and its noun: "4,500 such sites". */
export const SKIPPED_MODIFIERS: ReadonlySet<string> = new Set(['such', 'other', 'more', 'additional', 'extra', 'further', 'new', 'of', 'the', 'its', 'their', 'his', 'her', 'our']);

/** Common verbs and function words that can never be the counted noun. */
export const NOT_NOUNS: ReadonlySet<string> = new Set([
  ...NP_STOP,
  'were', 'are', 'have', 'had', 'remain', 'remained', 'began', 'begin', 'begun', 'came', 'come', 'went', 'go', 'got', 'get',
  'make', 'made', 'take', 'took', 'taken', 'would', 'could', 'stationed', 'deployed', 'located', 'based', 'involved',
  'now', 'already', 'each', 'every', 'a', 'an', 'per', 'apiece', 'yet', 'ago', 'earlier', 'later', 'previously', 'last',
  'next', 'total', 'in', 'times', 'percent', 'each',
]);

/**
 * Classes of counted nouns that count the same thing. Keys are singular lemmas; every head not listed is its own class.
 */
export const HEAD_CLASSES: ReadonlyMap<string, string> = new Map([
  ...['troop', 'soldier', 'force', 'serviceman', 'servicemen', 'servicemember', 'personnel', 'marine', 'sailor', 'reservist',
    'conscript', 'paratrooper', 'combatant', 'fighter'].map((w) => [w, 'military personnel'] as const),
  ...['people', 'person', 'individual', 'resident', 'citizen', 'inhabitant', 'toll', 'death', 'fatality', 'casualty', 'victim',
    'evacuee', 'injury', 'arrest'].map((w) => [w, 'people'] as const),
  ...['civilian', 'noncombatant'].map((w) => [w, 'civilians'] as const),
  ...['refugee', 'displaced'].map((w) => [w, 'refugees'] as const),
  ...['employee', 'worker', 'staff', 'staffer', 'job', 'position', 'role', 'workforce'].map((w) => [w, 'jobs'] as const),
  ...['fan', 'spectator', 'supporter', 'attendance', 'crowd', 'viewer'].map((w) => [w, 'spectators'] as const),
  ...['customer', 'user', 'subscriber', 'client', 'account'].map((w) => [w, 'customers'] as const),
  ...['revenue', 'sale', 'turnover', 'takings'].map((w) => [w, 'revenue'] as const),
  ...['profit', 'earning', 'income'].map((w) => [w, 'profit'] as const),
  ...['loan', 'guarantee', 'credit', 'lending'].map((w) => [w, 'loans'] as const),
  ...['aid', 'assistance', 'support', 'package', 'funding'].map((w) => [w, 'aid'] as const),
  ...['deal', 'takeover', 'acquisition', 'bid', 'offer', 'merger'].map((w) => [w, 'deal'] as const),
  ...['fee', 'transfer'].map((w) => [w, 'transfer fee'] as const),
  ...['wage', 'salary', 'pay', 'bonus', 'bonuses'].map((w) => [w, 'pay'] as const),
  // "maximum sustained winds of 180 mph", "wind speeds reached 185 mph", "gusts of 90 km/h": one measure
  ...['wind', 'speed', 'gust'].map((w) => [w, 'speed'] as const),
  ...['goal'].map((w) => [w, 'goals'] as const),
  ...['point'].map((w) => [w, 'points'] as const),
]);

/** Nouns a money or percent figure is usually about, found left of the figure: "revenue of $7.4bn", "inflation hit 7%". */
export const MEASURED_NOUNS: ReadonlySet<string> = new Set([
  'toll', 'crowd', 'headcount', 'workforce',
  'revenue', 'revenues', 'sales', 'turnover', 'profit', 'profits', 'earnings', 'income', 'loss', 'losses', 'deal', 'deals',
  'takeover', 'acquisition', 'bid', 'offer', 'merger', 'loan', 'loans', 'guarantee', 'guarantees', 'credit', 'aid',
  'assistance', 'support', 'package', 'funding', 'fund', 'budget', 'debt', 'debts', 'fine', 'fines', 'penalty', 'fee', 'fees',
  'wage', 'wages', 'salary', 'pay', 'price', 'prices', 'cost', 'costs', 'value', 'valuation', 'investment', 'investments',
  'spending', 'dividend', 'bonus', 'reserves', 'exports', 'imports', 'output', 'gdp', 'inflation', 'unemployment', 'growth',
  'rate', 'rates', 'share', 'shares', 'stake', 'turnout', 'margin', 'majority', 'sanctions', 'grant', 'grants', 'tax', 'taxes',
  'tariff', 'tariffs', 'damages', 'compensation', 'contract', 'transfer', 'capital', 'stock', 'market', 'bill', 'deficit',
  'surplus', 'subsidy', 'subsidies', 'bailout', 'payment', 'payments', 'pension', 'pensions', 'population', 'attendance',
  'crowd', 'possession', 'approval', 'support', 'vote', 'votes', 'yield', 'yields', 'interest', 'index', 'capacity', 'reform',
  'bonuses', 'wind', 'winds', 'speed', 'speeds', 'gusts',
]);

/** Demonyms and country aliases to a normalized country name. */
export const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['russian', 'russia'], ['russians', 'russia'], ['russia', 'russia'], ['moscow', 'russia'], ['kremlin', 'russia'],
  ['ukrainian', 'ukraine'], ['ukrainians', 'ukraine'], ['ukraine', 'ukraine'], ['kyiv', 'ukraine'], ['kiev', 'ukraine'],
  ['belarusian', 'belarus'], ['belarus', 'belarus'], ['minsk', 'belarus'],
  ['american', 'united states'], ['americans', 'united states'], ['us', 'united states'], ['u.s.', 'united states'],
  ['usa', 'united states'], ['america', 'united states'], ['washington', 'united states'], ['united states', 'united states'],
  ['british', 'united kingdom'], ['britain', 'united kingdom'], ['uk', 'united kingdom'], ['u.k.', 'united kingdom'],
  ['united kingdom', 'united kingdom'], ['london', 'united kingdom'],
  ['german', 'germany'], ['germans', 'germany'], ['germany', 'germany'], ['berlin', 'germany'],
  ['french', 'france'], ['france', 'france'], ['paris', 'france'],
  ['chinese', 'china'], ['china', 'china'], ['beijing', 'china'],
  ['polish', 'poland'], ['poland', 'poland'], ['warsaw', 'poland'],
  ['italian', 'italy'], ['italy', 'italy'], ['spanish', 'spain'], ['spain', 'spain'],
  ['japanese', 'japan'], ['japan', 'japan'], ['indian', 'india'], ['india', 'india'],
  ['canadian', 'canada'], ['canada', 'canada'], ['turkish', 'turkey'], ['turkey', 'turkey'],
  ['israeli', 'israel'], ['israel', 'israel'], ['iranian', 'iran'], ['iran', 'iran'],
  ['nato', 'nato'], ['eu', 'european union'], ['european union', 'european union'],
]);

/** Verbs of change: a figure after "by" or directly after them is a change, not a level ("rose 5%", "cut by 200"). */
export const CHANGE_VERBS: ReadonlySet<string> = new Set([
  'rose', 'risen', 'rise', 'rises', 'rising', 'increased', 'increase', 'increases', 'grew', 'grown', 'grow', 'grows',
  'fell', 'fallen', 'fall', 'falls', 'falling', 'dropped', 'drop', 'drops', 'declined', 'decline', 'declines', 'jumped',
  'jump', 'jumps', 'climbed', 'climb', 'climbs', 'surged', 'surge', 'surges', 'slumped', 'slump', 'plunged', 'plunge',
  'soared', 'soar', 'gained', 'gain', 'gains', 'lost', 'slid', 'slide', 'tumbled', 'cut', 'cuts', 'reduced', 'raised',
  'lowered', 'boosted', 'shed', 'added', 'up', 'down', 'higher', 'lower', 'revised', 'widened', 'narrowed', 'expanded',
  'shrank', 'contracted', 'advanced', 'retreated', 'eased', 'edged',
]);

/** Nouns of change: "an increase of 5%", "a drop of 200". */
export const CHANGE_NOUNS: ReadonlySet<string> = new Set([
  'increase', 'rise', 'growth', 'gain', 'jump', 'drop', 'fall', 'decline', 'decrease', 'cut', 'reduction', 'loss', 'surge',
  'slump', 'boost', 'hike', 'change',
]);

/** Words marking an earlier value: "a previous estimate of", "the prior figure of". */
export const PREVIOUS_WORDS: ReadonlySet<string> = new Set(['previous', 'prior', 'earlier', 'initial', 'original', 'former', 'old', 'last', 'preceding']);

export const ESTIMATE_NOUNS: ReadonlySet<string> = new Set([
  'estimate', 'estimates', 'figure', 'figures', 'forecast', 'forecasts', 'count', 'tally', 'total', 'number', 'assessment',
  'projection', 'reading', 'level', 'record', 'guidance', 'target', 'toll',
]);

/** Words marking a projected value: "expected to reach", "could hit", "a target of". */
export const PROJECTION_WORDS: ReadonlySet<string> = new Set([
  'expected', 'expects', 'forecast', 'forecasts', 'projected', 'predicted', 'predicts', 'could', 'would', 'might', 'may',
  'will', 'target', 'targets', 'aims', 'aim', 'hopes', 'plans', 'planned', 'goal', 'anticipated',
]);

/** Capitalized words that begin sentences or titles and are not names. */
export const CAPITALIZED_NON_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'and', 'but', 'or', 'as', 'it', 'its', 'this', 'that', 'these',
  'those', 'there', 'their', 'they', 'he', 'she', 'we', 'our', 'his', 'her', 'some', 'about', 'around', 'over', 'nearly',
  'almost', 'more', 'less', 'up', 'under', 'after', 'before', 'since', 'while', 'when', 'if', 'according', 'meanwhile',
  'however', 'also', 'even', 'still', 'yet', 'so', 'then', 'now', 'today', 'yesterday', 'last', 'next', 'this', 'with',
  'from', 'into', 'than', 'just', 'only', 'roughly', 'approximately', 'estimated', 'an', 'all', 'both', 'each', 'every',
  'further', 'despite', 'although', 'though', 'because', 'what', 'which', 'who', 'why', 'how', 'where', 'not', 'no', 'yes',
  'mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'secretary', 'chancellor', 'prime', 'foreign', 'defense', 'defence',
  ...WEEKDAYS.keys(), ...MONTHS.keys(),
]);

/** Titles and roles: "Secretary of State Antony Blinken" → the name is the part after them. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'general',
  'chairman', 'chairwoman', 'chair', 'chief', 'director', 'governor', 'mayor', 'senator', 'representative', 'adviser',
  'advisor', 'analyst', 'economist', 'coach', 'manager', 'captain', 'ceo', 'head', 'leader', 'commander', 'official',
  'prime', 'foreign', 'defense', 'defence', 'state', 'deputy', 'press', 'national', 'security', 'of', 'executive',
  'financial', 'officer', 'founder', 'striker', 'midfielder', 'forward', 'defender', 'goalkeeper', 'player',
]);

/**
 * What happened to the people counted, when the text says: "3 people died" and "400 residents were evacuated"
 * count different things. Used in the quantity key of people-like classes.
 */
export const EVENTS: ReadonlyMap<string, string> = new Map([
  ...['died', 'dead', 'killed', 'death', 'deaths', 'toll', 'fatalities', 'perished', 'drowned', 'die', 'dies', 'killing'].map((w) => [w, 'deaths'] as const),
  ...['injured', 'wounded', 'hurt', 'injuries', 'hospitalised', 'hospitalized'].map((w) => [w, 'injuries'] as const),
  ...['casualties'].map((w) => [w, 'casualties'] as const),
  ...['evacuated', 'displaced', 'fled', 'relocated', 'evacuees', 'homeless', 'evacuate'].map((w) => [w, 'displaced'] as const),
  ...['arrested', 'detained', 'arrests', 'detentions', 'jailed'].map((w) => [w, 'arrests'] as const),
  ...['missing', 'disappeared'].map((w) => [w, 'missing'] as const),
  ...['rescued', 'saved'].map((w) => [w, 'rescued'] as const),
  ...['infected', 'cases', 'sick', 'ill'].map((w) => [w, 'cases'] as const),
  ...['protested', 'protesters', 'marched', 'demonstrators', 'rallied'].map((w) => [w, 'protest'] as const),
  ...['withdrawn', 'withdrew', 'withdrawing', 'returned', 'returning'].map((w) => [w, 'withdrawn'] as const),
  ...['hired', 'recruited'].map((w) => [w, 'hired'] as const),
  ...['laid', 'fired', 'dismissed', 'redundant', 'layoffs', 'cuts'].map((w) => [w, 'cuts'] as const),
]);

/** Classes whose counts are split by event. */
export const EVENT_CLASSES: ReadonlySet<string> = new Set(['people', 'civilians', 'refugees', 'military personnel', 'jobs', 'children']);

/** Auxiliaries skipped between a subject and its verb: "people had died", "residents were evacuated". */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'had', 'have', 'has', 'were', 'was', 'are', 'is', 'been', 'be', 'being', 'reportedly', 'also', 'all', 'later', 'since',
  'already', 'now', 'still', 'then', 'subsequently',
]);

/**
 * Capitalized names that carry a number as part of the name, whatever follows: "Xbox 360 consoles",
 * "Fortune 500 companies", "Boeing 747 aircraft", "Live 8 concerts". Matched only when capitalized.
 */
export const NUMBERED_NAMES: ReadonlySet<string> = new Set([
  'xbox', 'playstation', 'boeing', 'airbus', 'fortune', 'ftse', 'nikkei', 'cac', 'dax', 'ibex', 'sensex', 'channel',
  'live', 'area', 'proposition', 'prop', 'falcon', 'type', 'mark', 'mk', 'model', 'series', 'web', 'ipad', 'ipod',
  'galaxy', 'lotto', 'trent', 'nokia', 'ubuntu', 'usb', 'doom', 'halo', 'maroon', 'taipei', 'question', 'super',
  'title', 'box', 'sputnik', 'soyuz', 'vostok', 'gemini', 'mercury', 'voyager', 'pioneer', 'ariane', 'saturn', 'atlas',
]);

/** Capitalized words after a number that make it a name: "50 Cent". */
export const NAME_TAILS: ReadonlySet<string> = new Set(['Cent']);

/** Words before "from" that make "from 18 to 26" an interval rather than a change. */
export const RANGE_CUES: ReadonlySet<string> = new Set([
  'aged', 'ages', 'age', 'ranging', 'range', 'ranges', 'ranged', 'anywhere', 'vary', 'varies', 'varying', 'varied',
  'run', 'runs', 'running', 'spanning', 'anything', 'being',
]);

/** Around "3-1": a score, not a range. */
export const SCORE_BEFORE: ReadonlySet<string> = new Set([
  'won', 'win', 'wins', 'winning', 'lost', 'lose', 'loses', 'losing', 'beat', 'beats', 'beating', 'beaten', 'defeated',
  'defeat', 'drew', 'draw', 'drawn', 'drawing', 'trailing', 'trailed', 'trail', 'leading', 'led', 'score', 'scoreline',
  'thrashed', 'edged', 'crushed', 'routed',
]);
export const SCORE_AFTER: ReadonlySet<string> = new Set([
  'win', 'wins', 'victory', 'victories', 'defeat', 'defeats', 'loss', 'losses', 'draw', 'draws', 'lead', 'scoreline',
  'aggregate', 'triumph', 'thrashing', 'result', 'score', 'home', 'away', 'rout', 'drubbing', 'deficit', 'final',
]);

/** After "N times": a ratio of comparison ("three times more", "twice the size"), not a count of occasions. */
export const COMPARISON_AFTER_TIMES: ReadonlySet<string> = new Set([
  'the', 'as', 'more', 'less', 'fewer', 'its', 'their', 'his', 'her', 'that', 'this', 'what', 'those', 'normal', 'average',
]);

/** File extensions: "photo 2.jpg" names a file. */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'svg', 'tif', 'tiff', 'pdf', 'ogg', 'ogv', 'mp3', 'mp4', 'webm', 'doc', 'docx', 'txt', 'htm',
  'html', 'php', 'xls', 'xlsx', 'zip', 'wav', 'avi', 'mov', 'bmp',
]);

/**
 * Counted nouns that cannot be fractional: a count of them with decimals ("3.400 contractors") is a thousands group
 * written with a point. Head classes of people, plus lemmas of things counted whole.
 */
export const WHOLE_CLASSES: ReadonlySet<string> = new Set([
  'military personnel', 'people', 'civilians', 'refugees', 'jobs', 'spectators', 'customers',
]);
export const WHOLE_HEADS: ReadonlySet<string> = new Set([
  'child', 'children', 'student', 'pupil', 'patient', 'member', 'voter', 'vote', 'seat', 'delegate', 'ticket', 'copy',
  'car', 'vehicle', 'truck', 'bus', 'plane', 'aircraft', 'ship', 'boat', 'house', 'home', 'household', 'building',
  'school', 'hospital', 'company', 'firm', 'store', 'shop', 'branch', 'contractor', 'volunteer', 'officer', 'police',
  'policeman', 'teacher', 'doctor', 'nurse', 'prisoner', 'inmate', 'hostage', 'protester', 'demonstrator', 'migrant',
  'immigrant', 'soldier', 'man', 'woman', 'family', 'visitor', 'tourist', 'passenger', 'pilgrim', 'animal', 'bird',
  'whale', 'dog', 'cow', 'sheep', 'pig', 'chicken', 'tree', 'village', 'town', 'city', 'country', 'nation', 'state',
  'candidate', 'player', 'athlete', 'team', 'game', 'match', 'goal', 'case', 'arrest', 'death', 'victim', 'body',
]);

/** Words that make a count with decimals an average or a rate: "an average of 2.4 children", "1.5 per woman". */
export const AVERAGE_WORDS: ReadonlySet<string> = new Set([
  'average', 'averages', 'averaged', 'averaging', 'mean', 'median', 'typical', 'typically', 'rate', 'ratio', 'per', 'each',
  'every', 'apiece', 'fertility', 'index',
]);
