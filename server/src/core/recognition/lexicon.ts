// Word classes and phrase gazetteers used as recognition features. The trained model file carries the lexicon it
// was trained with; more gazetteer entries (for example a places index) can be added at run time.

import { tokenize } from './tokenize';
import type { EntityType } from './types';

/** Bit flags of a lowercased word's classes. */
export const WordClass = {
  firstName: 1,
  lastName: 2,
  title: 4,
  organizationWord: 8,
  placeWord: 16,
  demonym: 32,
  common: 64,
  personWord: 128,
  verb: 256,
  adjective: 512,
  noun: 1024,
  functionWord: 2048,
  honorific: 4096,
} as const;

export const WORD_CLASS_NAMES = Object.keys(WordClass) as (keyof typeof WordClass)[];

/** Kinds of phrase gazetteer. The order is part of the model format. */
export const PHRASE_KINDS = ['person', 'place', 'organization', 'country', 'demonym'] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

export interface LexiconData {
  /** Lowercased words, sorted. */
  words: string[];
  /**
   * Per word: its WordClass bits, plus (<< 16) how often it is capitalized inside a sentence: 1 rarely … 4 nearly
   * always, 0 unknown.
   */
  wordValues: number[];
  /** Phrases per gazetteer kind: lowercased tokens joined by a tab. */
  phrases: Partial<Record<PhraseKind, string[]>>;
}

interface PhraseEntry {
  /** Lowercased tokens after the first. */
  rest: string[];
  kind: number;
}

function byLength(a: PhraseEntry, b: PhraseEntry): number {
  return b.rest.length - a.rest.length || a.kind - b.kind;
}

/** Lowercase form used for lexicon look-ups: curly apostrophes become straight ones. */
export function lexiconKey(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

export class Lexicon {
  readonly wordClasses = new Map<string, number>();
  readonly capitalization = new Map<string, number>();
  /** First token (lowercased) → entries, longest first. */
  readonly phrases = new Map<string, PhraseEntry[]>();
  /** Phrases already in, by kind and tokens; built on the first addition after loading. */
  private phraseSeen: Set<string> | undefined;
  private phraseSources: string[][] = PHRASE_KINDS.map(() => []);

  static fromData(data: LexiconData): Lexicon {
    const lexicon = new Lexicon();
    const classes = lexicon.wordClasses;
    const capitalization = lexicon.capitalization;
    const words = data.words ?? [];
    const values = data.wordValues ?? [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const value = values[i] ?? 0;
      if (value & 0xffff) classes.set(word, value & 0xffff);
      if (value >>> 16) capitalization.set(word, value >>> 16);
    }
    PHRASE_KINDS.forEach((kind, kindIndex) => {
      const joinedList = data.phrases[kind] ?? [];
      const touched = new Set<PhraseEntry[]>();
      const phrases = lexicon.phrases;
      for (const joined of joinedList) {
        const tokens = joined.split('\t');
        const first = tokens[0]!;
        let list = phrases.get(first);
        if (!list) phrases.set(first, (list = []));
        tokens.shift();
        list.push({ rest: tokens, kind: kindIndex });
        touched.add(list);
      }
      lexicon.phraseSources[kindIndex] = joinedList.slice();
      for (const list of touched) if (list.length > 1) list.sort(byLength);
    });
    return lexicon;
  }

  /** Adds one tokenized phrase; returns the list it went into (unsorted), or undefined when it was there. */
  private insertPhrase(kindIndex: number, tokens: string[]): PhraseEntry[] | undefined {
    if (tokens.length === 0 || tokens.length > 12) return undefined;
    const joined = tokens.join('\t');
    const seenKey = `${kindIndex}\u0000${joined}`;
    if (!this.phraseSeen) {
      this.phraseSeen = new Set();
      this.phraseSources.forEach((list, kind) => { for (const item of list) this.phraseSeen!.add(`${kind}\u0000${item}`); });
    }
    if (this.phraseSeen.has(seenKey)) return undefined;
    this.phraseSeen.add(seenKey);
    this.phraseSources[kindIndex]!.push(joined);
    const first = tokens[0]!;
    let list = this.phrases.get(first);
    if (!list) this.phrases.set(first, (list = []));
    list.push({ rest: tokens.slice(1), kind: kindIndex });
    return list;
  }

  addWordClass(word: string, bits: number): void {
    const key = lexiconKey(word);
    this.wordClasses.set(key, (this.wordClasses.get(key) ?? 0) | bits);
  }

  addPhrases(kind: PhraseKind, names: Iterable<string>): void {
    const kindIndex = PHRASE_KINDS.indexOf(kind);
    const touched = new Set<PhraseEntry[]>();
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const list = this.insertPhrase(kindIndex, tokenize(name).texts.map(lexiconKey));
      if (list) touched.add(list);
    }
    for (const list of touched) list.sort(byLength);
  }

  /** Gazetteer entries given as `{ name, type }`: persons, places and organizations. */
  addEntries(entries: Iterable<{ name: string; type: EntityType }>): void {
    const byType: Record<EntityType, string[]> = { person: [], place: [], organization: [] };
    for (const entry of entries) {
      if (entry && typeof entry.name === 'string' && byType[entry.type]) byType[entry.type].push(entry.name);
    }
    for (const type of ['person', 'place', 'organization'] as const) this.addPhrases(type, byType[type]);
  }

  toData(): LexiconData {
    const keys = new Set([...this.wordClasses.keys(), ...this.capitalization.keys()]);
    const words = [...keys].sort();
    const wordValues = words.map((word) => (this.wordClasses.get(word) ?? 0) | ((this.capitalization.get(word) ?? 0) << 16));
    const phrases: LexiconData['phrases'] = {};
    PHRASE_KINDS.forEach((kind, index) => {
      const names = [...this.phraseSources[index]!].sort();
      if (names.length) phrases[kind] = names;
    });
    return { words, wordValues, phrases };
  }
}
