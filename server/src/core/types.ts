// Plain data types of the analysis core. No LSP or VS Code types here: the server and the CLI share them.

/** A half-open range of UTF-16 code units into an article's text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** A calendar day, without time zone: the unit every date in an article resolves to. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'url';

export interface Token extends Span {
  text: string;
  kind: TokenKind;
}

export interface Sentence extends Span {
  /** Index of the first token of this sentence in `Article.tokens`. */
  firstToken: number;
  /** One past the last token of this sentence. */
  endToken: number;
}

export type BoilerplateKind =
  | 'navigation'
  | 'related'
  | 'back-to-top'
  | 'copyright'
  | 'aggregator'
  | 'comments'
  | 'caption'
  | 'syndication';

export interface Paragraph extends Span {
  /** Set when the whole paragraph is page furniture that features should ignore. */
  boilerplate?: BoilerplateKind;
  /** A short line without final punctuation between paragraphs: a subheading or repeated headline. */
  heading?: boolean;
  /** Index of the first sentence of this paragraph in `Article.sentences`. */
  firstSentence: number;
  endSentence: number;
}

export interface DateField extends TextSpan {
  date: CalendarDate;
}

export interface ArticleHeader {
  headline?: TextSpan;
  /** The article's own date (dateline), from a header line such as `date 2022-02-16` or `20220215`. */
  dateline?: DateField;
  sourceUrl?: TextSpan;
  byline?: TextSpan;
  /** Header lines that are page furniture, such as breadcrumbs glued to the headline. */
  furniture?: Span[];
  /** Where the header ends and the body begins. */
  bodyStart: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
