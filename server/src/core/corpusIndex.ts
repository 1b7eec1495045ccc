// The corpus index: every article of the workspace, analysed, with the editor's unsaved text winning over disk.
import { analyzeArticle, type AnalyzedArticle } from './analysis';

export type { AnalyzedArticle } from './analysis';

/** What rules and features may ask of the corpus. */
export interface CorpusView {
  readonly size: number;
  get(id: string): AnalyzedArticle | undefined;
  articles(): IterableIterator<AnalyzedArticle>;
}

interface Entry {
  analyzed: AnalyzedArticle;
  /** Text on disk, kept while an editor overrides it so closing the editor restores it. */
  diskText?: string;
  /** Editor version when an editor holds the article. */
  editorVersion?: number;
}

export class CorpusIndex implements CorpusView {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  get(id: string): AnalyzedArticle | undefined {
    return this.entries.get(id)?.analyzed;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  *articles(): IterableIterator<AnalyzedArticle> {
    for (const entry of this.entries.values()) yield entry.analyzed;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** Text read from disk. Ignored (but remembered) while an editor holds the article. Returns true if the analysis changed. */
  setFromDisk(id: string, text: string): boolean {
    const entry = this.entries.get(id);
    if (entry && entry.editorVersion !== undefined) {
      entry.diskText = text;
      return false;
    }
    if (entry && entry.analyzed.text === text) return false;
    this.entries.set(id, { analyzed: analyzeArticle(id, text), diskText: text });
    return true;
  }

  /** An open editor's text: it wins over the disk until the editor closes. */
  setFromEditor(id: string, text: string, version: number): AnalyzedArticle {
    const entry = this.entries.get(id);
    if (entry && entry.analyzed.text === text) {
      entry.editorVersion = version;
      return entry.analyzed;
    }
    const analyzed = analyzeArticle(id, text);
    const next: Entry = { analyzed, editorVersion: version };
    const diskText = entry ? entry.diskText : undefined;
    if (diskText !== undefined) next.diskText = diskText;
    this.entries.set(id, next);
    return analyzed;
  }

  editorVersion(id: string): number | undefined {
    return this.entries.get(id)?.editorVersion;
  }

  /** The editor closed: fall back to the disk text, or drop the article if it was never on disk. Returns true if it changed. */
  closeEditor(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    if (entry.diskText === undefined) {
      this.entries.delete(id);
      return true;
    }
    const changed = entry.diskText !== entry.analyzed.text;
    this.entries.set(id, { analyzed: changed ? analyzeArticle(id, entry.diskText) : entry.analyzed, diskText: entry.diskText });
    return changed;
  }

  /** The file is gone from disk. An open editor keeps its article alive. */
  removeFromDisk(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    if (entry.editorVersion !== undefined) {
      delete entry.diskText;
      return false;
    }
    this.entries.delete(id);
    return true;
  }

  clear(): void {
    this.entries.clear();
  }
}
