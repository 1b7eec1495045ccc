// The corpus index: every article of the workspace, analysed, with the editor's unsaved text winning over disk.
import { analyzeArticle, defaultAnalysisEnvironment, relinkEntities, type AnalysisEnvironment, type AnalyzedArticle } from './analysis';
import { EntityIndex } from './entityIndex';

export type { AnalyzedArticle } from './analysis';

/** What rules and features may ask of the corpus. */
export interface CorpusView {
  readonly size: number;
  readonly environment: AnalysisEnvironment;
  readonly entityIndex: EntityIndex;
  get(id: string): AnalyzedArticle | undefined;
  articles(): IterableIterator<AnalyzedArticle>;
}

/** A cross-article index kept current as articles come, change and go (entities, figure clusters…). */
export interface CorpusIndexer {
  add(article: AnalyzedArticle): void;
  remove(article: AnalyzedArticle): void;
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
  readonly entityIndex = new EntityIndex();
  private readonly indexers: CorpusIndexer[] = [this.entityIndex];

  constructor(readonly environment: AnalysisEnvironment = defaultAnalysisEnvironment()) {}

  addIndexer(indexer: CorpusIndexer): void {
    this.indexers.push(indexer);
    for (const entry of this.entries.values()) indexer.add(entry.analyzed);
  }

  /** Every entry change goes through here, so the cross-article indexes never miss one. */
  private put(id: string, entry: Entry | undefined): void {
    const previous = this.entries.get(id);
    if (previous && previous.analyzed !== entry?.analyzed) for (const i of this.indexers) i.remove(previous.analyzed);
    if (entry) {
      this.entries.set(id, entry);
      if (previous?.analyzed !== entry.analyzed) for (const i of this.indexers) i.add(entry.analyzed);
    } else {
      this.entries.delete(id);
    }
  }

  private analyze(id: string, text: string): AnalyzedArticle {
    return analyzeArticle(id, text, this.environment);
  }

  /** The knowledge base changed: link every article's entities again (the recognizer's output is reused). */
  relinkAll(): void {
    for (const [id, entry] of [...this.entries]) this.put(id, { ...entry, analyzed: relinkEntities(entry.analyzed, this.environment) });
  }

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
    if (entry && entry.analyzed.documentText === text) return false;
    this.put(id, { analyzed: this.analyze(id, text), diskText: text });
    return true;
  }

  /** An open editor's text: it wins over the disk until the editor closes. */
  setFromEditor(id: string, text: string, version: number): AnalyzedArticle {
    const entry = this.entries.get(id);
    if (entry && entry.analyzed.documentText === text) {
      entry.editorVersion = version;
      return entry.analyzed;
    }
    const analyzed = this.analyze(id, text);
    const next: Entry = { analyzed, editorVersion: version };
    const diskText = entry ? entry.diskText : undefined;
    if (diskText !== undefined) next.diskText = diskText;
    this.put(id, next);
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
      this.put(id, undefined);
      return true;
    }
    const changed = entry.diskText !== entry.analyzed.documentText;
    this.put(id, { analyzed: changed ? this.analyze(id, entry.diskText) : entry.analyzed, diskText: entry.diskText });
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
    this.put(id, undefined);
    return true;
  }

  clear(): void {
    for (const id of [...this.entries.keys()]) this.put(id, undefined);
  }
}
