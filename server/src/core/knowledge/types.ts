// Knowledge-base entries: people, places and organizations with names, aliases and dated roles.

export type EntityType = 'person' | 'place' | 'organization';

export interface Role {
  title: string;
  /** Key of the organization the role belongs to. */
  organization?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; absent when unknown. */
  from?: string;
  /** Absent: still held (or unknown, when `note` says so). */
  to?: string;
  note?: string;
}

/** Where an entry came from, so hovers can say which source wins. */
export type EntrySource =
  | { kind: 'built-in' }
  | { kind: 'gazetteer' }
  | { kind: 'office-holders' }
  | { kind: 'user'; file: string };

export interface KnowledgeEntry {
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Spellings to normalize to `name` (Kiev → Kyiv). They are recognized like aliases. */
  variants: string[];
  wikidata?: string;
  country?: string;
  kind?: string;
  region?: string;
  population?: number;
  /** [latitude, longitude] */
  coordinates?: [number, number];
  description?: string;
  roles: Role[];
  source: EntrySource;
  /** Set on a user entry that replaced a built-in one with the same key. */
  overrides?: EntrySource;
}
