// Types of build.mjs, for the TypeScript test that checks the set.
export interface SetRecord {
  start: number;
  end: number;
  text: string;
  type: string;
  nested?: boolean;
  alt_type?: string;
}
export interface Story {
  name: string;
  text: string;
  gold: SetRecord[];
  other: SetRecord[];
}
export function parseStory(name: string, marked: string): Story;
export function parseStories(source: string): Story[];
export function buildFiles(source: string): Map<string, string>;
export function checkSet(devDir?: string, source?: string): string[];
