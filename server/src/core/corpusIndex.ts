// The corpus index: every article of the workspace, analysed, with the editor's unsaved text winning over disk.
import { analyzeArticle, defaultAnalysisEnvironment, relinkEntities, type AnalysisEnvironment, type AnalyzedArticle } from './analysis';
import { parseFigureReference, referenceTargetUri } from './annotations';
import { fileUri, uriToPath } from './corpusFiles';
import { EntityIndex, entityIdentity } from './entityIndex';
import { FigureCorpus, type FigureCorpusView } from './figures/corpusFigures';

export type { AnalyzedArticle } from './analysis';

/** What rules and features may ask of the corpus. */
export interface CorpusView {
  readonly size: number;
  readonly environment: AnalysisEnvironment;
  readonly entityIndex: EntityIndex;
  readonly figures: FigureCorpusView;
  get(id: string): AnalyzedArticle | undefined;
  articles(): IterableIterator<AnalyzedArticle>;
}

/** A cross-article index kept current as articles come, change and go (entities, figure clusters…). */
export interface CorpusIndexer {
  add(article: AnalyzedArticle): void;
  remove(article: AnalyzedArticle): void;
  /** A new version of an article; remove + add when absent. */
  replace?(previous: AnalyzedArticle, next: AnalyzedArticle): void;
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
  readonly entityIndex = new EntityIndex(() => this.environment.knowledgeBase);
  readonly figures = new FigureCorpus();
  private readonly indexers: CorpusIndexer[] = [this.entityIndex, this.figures];

  constructor(readonly environment: AnalysisEnvironment = defaultAnalysisEnvironment()) {}

  addIndexer(indexer: CorpusIndexer): void {
    this.indexers.push(indexer);
    for (const entry of this.entries.values()) indexer.add(entry.analyzed);
  }

  /** Articles whose cross-article findings may have changed since the last call (the changed ones included). */
  takeAffected(): Set<string> {
    const out = this.figures.takeAffected();
    for (const id of this.entityIndex.takeAffected()) out.add(id);
    for (const id of this.affected) out.add(id);
    this.affected.clear();
    return out;
  }

  private readonly affected = new Set<string>();
  /** Target article id → articles whose figure annotations reference it. */
  private readonly referencedBy = new Map<string, Set<string>>();

  /** Other articles to re-check when an article changes from `before` to `after` (entity roles, references). */
  private noteDependents(id: string, before: AnalyzedArticle | undefined, after: AnalyzedArticle | undefined): void {
    for (const referrer of this.referencedBy.get(id) ?? []) this.affected.add(referrer);
    const roles = (a: AnalyzedArticle | undefined) => new Set((a?.entities ?? []).filter((m) => m.role).map((m) => `${entityIdentity(m)}\u0000${m.role}`));
    const was = roles(before);
    const now = roles(after);
    const changed = new Set<string>();
    for (const key of was) if (!now.has(key)) changed.add(key.split('\u0000')[0]!);
    for (const key of now) if (!was.has(key)) changed.add(key.split('\u0000')[0]!);
    for (const identity of changed) {
      for (const [other, indexes] of this.entityIndex.occurrences(identity)?.byArticle ?? []) {
        const article = this.entries.get(other)?.analyzed;
        if (article && indexes.some((i) => article.entities[i]?.role)) this.affected.add(other);
      }
    }
    // Keep the reference map current: which articles does this one point at?
    for (const set of this.referencedBy.values()) set.delete(id);
    for (const target of after ? figureReferenceTargets(after) : []) {
      let set = this.referencedBy.get(target);
      if (!set) this.referencedBy.set(target, (set = new Set()));
      set.add(id);
    }
  }

  /** Every entry change goes through here, so the cross-article indexes never miss one. */
  private put(id: string, entry: Entry | undefined): void {
    const previous = this.entries.get(id);
    if (previous?.analyzed !== entry?.analyzed) this.noteDependents(id, previous?.analyzed, entry?.analyzed);
    const before = previous?.analyzed;
    const after = entry?.analyzed;
    if (before !== after) {
      for (const i of this.indexers) {
        if (before && after && i.replace) i.replace(before, after);
        else {
          if (before) i.remove(before);
          if (after) i.add(after);
        }
      }
    }
    if (entry) this.entries.set(id, entry);
    else this.entries.delete(id);
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

/** The articles an article's figure annotations reference (ref="FILE#…"). */
function figureReferenceTargets(article: AnalyzedArticle): string[] {
  const targets: string[] = [];
  for (const a of article.annotations.annotations) {
    if (a.type !== 'figure') continue;
    const ref = a.attributes.find((x) => x.key === 'ref')?.value;
    const parsed = ref ? parseFigureReference(ref) : undefined;
    if (!parsed?.ok) continue;
    const raw = referenceTargetUri(article.id, parsed.reference.file);
    const path = uriToPath(raw);
    targets.push(path ? fileUri(path) : raw);
  }
  return targets;
}
