// Public types of the recognizer. Plain data: no LSP or VS Code types.

import type { Span } from '../types';

export type EntityType = 'person' | 'place' | 'organization';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export interface EntityMention extends Span {
  /** The mention's text, `text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /** A title written next to a person's name but outside the span, e.g. "German Chancellor". */
  role?: string;
  /** Links mentions of one entity within the text: "Putin" and "Vladimir Putin" share "Vladimir Putin". */
  canonicalKey: string;
}

export interface RecognizeOptions {
  /** Ranges (for example boilerplate paragraphs) where no mention is reported. */
  skip?: readonly Span[];
}
