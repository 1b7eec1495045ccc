// The hover card of a person, place or organization: who or what it is, the role held on the article's date,
// and where else the corpus mentions it. All article and knowledge-base text is escaped.
import { basename } from 'node:path';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import { formatIso } from '../core/dates';
import type { EntityMentionInText } from '../core/entities';
import { entityIdentity } from '../core/entityIndex';
import { formatPeriod, formerRoleOn, rolesOn } from '../core/knowledge/roles';
import type { LinkChoice } from '../core/knowledge/officeholders';
import type { KnowledgeEntry } from '../core/knowledge/types';
import { uriToPath } from '../core/corpusFiles';
import { escapeMarkdown } from './markdown';

const MAX_LINKED_ARTICLES = 8;

export function articleLabel(id: string): string {
  const path = uriToPath(id);
  const name = basename(path ?? id);
  return name.replace(/\.txt$/i, '');
}

/** A link that opens the article at a 1-based line and column (VS Code understands `#L<line>,<column>`). */
export function articleLink(article: AnalyzedArticle, offset: number, label: string): string {
  const p = article.positions.positionAt(offset);
  return `[${escapeMarkdown(label)}](${article.id.replace(/\(/g, "%28").replace(/\)/g, "%29")}#L${p.line + 1},${p.character + 1})`;
}

function sourceLabel(entry: KnowledgeEntry): string {
  switch (entry.source.kind) {
    case 'built-in':
      return 'built-in knowledge base';
    case 'gazetteer':
      return 'GeoNames gazetteer';
    case 'office-holders':
      return 'office-holder table (Wikidata)';
    case 'user':
      return `your knowledge base (${basename(entry.source.file)})${entry.overrides ? ', overriding the built-in entry' : ''}`;
  }
}

export function entityHoverMarkdown(corpus: CorpusView, article: AnalyzedArticle, mention: EntityMentionInText): string {
  const kb = corpus.environment.knowledgeBase;
  const entry = mention.entityKey ? kb.entry(mention.entityKey) : undefined;
  const lines: string[] = [];
  const name = entry?.name ?? mention.canonical;
  lines.push(`**${escapeMarkdown(name)}** · ${entry?.kind ? `${escapeMarkdown(entry.kind)} (${mention.type})` : mention.type}`);
  if (entry) {
    lines.push(`*${escapeMarkdown(sourceLabel(entry))}*`);
    if (mention.link) lines.push(linkLine(mention.link));
    if (entry.description) lines.push(escapeMarkdown(entry.description));
    appendRoles(lines, entry, article);
    const facts: string[] = [];
    if (entry.country && entry.kind !== 'country') facts.push(`Country: ${escapeMarkdown(entry.country)}`);
    const place = entry.type === 'place' ? kb.placeFacts(entry) : undefined;
    const region = entry.region ?? place?.region;
    if (region && entry.kind !== 'region') facts.push(`Region: ${escapeMarkdown(region)}`);
    const population = entry.population ?? place?.population;
    if (population) facts.push(`Population: ${population.toLocaleString('en-US')}`);
    const coordinates = entry.coordinates ?? place?.coordinates;
    if (coordinates) facts.push(`Coordinates: ${formatCoordinates(coordinates)}`);
    if (entry.wikidata) facts.push(`Wikidata: [${escapeMarkdown(entry.wikidata)}](https://www.wikidata.org/wiki/${encodeURIComponent(entry.wikidata)})`);
    if (facts.length) lines.push(facts.join(' · '));
    if (entry.aliases.length) lines.push(`Also written: ${entry.aliases.map(escapeMarkdown).join(', ')}`);
  } else {
    lines.push('*Not in the knowledge base.* Add it with a quick fix or in `.corpus-lens/entities.json`.');
  }
  if (mention.text !== name || mention.role) {
    const written = mention.text !== name ? `written "${escapeMarkdown(mention.text)}"` : '';
    const titled = mention.role ? `titled "${escapeMarkdown(mention.role)}"` : '';
    lines.push(`Here: ${[written, titled].filter(Boolean).join(', ')}`);
  }
  appendCorpusUsage(lines, corpus, article, mention);
  return lines.join('\n\n');
}

function appendRoles(lines: string[], entry: KnowledgeEntry, article: AnalyzedArticle): void {
  if (!entry.roles.length) return;
  const date = article.dateline;
  if (date) {
    const current = rolesOn(entry.roles, date);
    if (current.length) {
      lines.push(`On ${formatIso(date)} (the article's date): ${current.map((r) => `**${escapeMarkdown(r.title)}** (${escapeMarkdown(formatPeriod(r))})`).join('; ')}`);
    } else {
      const former = formerRoleOn(entry.roles, date);
      lines.push(former
        ? `On ${formatIso(date)} (the article's date): former **${escapeMarkdown(former.title)}** (${escapeMarkdown(formatPeriod(former))})`
        : `On ${formatIso(date)} (the article's date): no recorded role.`);
    }
    const others = entry.roles.filter((r) => !current.includes(r));
    if (others.length) lines.push(`Other roles: ${others.map((r) => `${escapeMarkdown(r.title)} (${escapeMarkdown(formatPeriod(r))})`).join('; ')}`);
  } else {
    lines.push(`Roles (the article has no dateline): ${entry.roles.map((r) => `${escapeMarkdown(r.title)} (${escapeMarkdown(formatPeriod(r))})`).join('; ')}`);
  }
}

function linkLine(link: LinkChoice): string {
  const label = link.ambiguous ? '⚠ Not sure this is the right person' : link.confidence === 'high' ? 'Linked' : 'Probably this person';
  return `${label}: ${escapeMarkdown(link.reason)}.`;
}

function appendCorpusUsage(lines: string[], corpus: CorpusView, article: AnalyzedArticle, mention: EntityMentionInText): void {
  const occurrences = corpus.entityIndex.occurrences(entityIdentity(mention));
  const here = occurrences?.byArticle.get(article.id)?.length ?? 1;
  const articleIds = occurrences ? [...occurrences.byArticle.keys()] : [article.id];
  const links: string[] = [];
  /** Title → the articles that give it (label and date), in article order. */
  const titles = new Map<string, Array<{ id: string; source: string }>>();
  /** Organizations named in the same sentences as the person, by name → articles. */
  const beside = new Map<string, Set<string>>();
  for (const id of articleIds.sort()) {
    const other = corpus.get(id);
    if (!other) continue;
    const indexes = occurrences?.byArticle.get(id) ?? [];
    const first = other.entities[indexes[0] ?? -1];
    if (first && links.length < MAX_LINKED_ARTICLES) links.push(articleLink(other, first.start, articleLabel(id)));
    for (const i of indexes) {
      const m = other.entities[i];
      if (!m) continue;
      if (m.role) {
        const list = titles.get(m.role) ?? [];
        if (!list.some((t) => t.id === id)) list.push({ id, source: sourceOf(other) });
        titles.set(m.role, list);
      }
      if (mention.type === 'person') for (const org of organizationsBeside(other, i)) (beside.get(org) ?? beside.set(org, new Set()).get(org)!).add(id);
    }
  }
  const more = articleIds.length > links.length ? ` and ${articleIds.length - links.length} more` : '';
  lines.push(`Mentions: ${here} in this article · ${articleIds.length} ${articleIds.length === 1 ? 'article' : 'articles'} in the corpus: ${links.join(' · ')}${more}`);
  if (titles.size) {
    // Each title with where and when the corpus gives it: "President" (002, 15 Feb 2022; 003, 16 Feb 2022).
    const list = [...titles].sort((a, b) => b[1].length - a[1].length).slice(0, MAX_TITLES).map(([t, where]) =>
      `"${escapeMarkdown(t)}" (${where.slice(0, MAX_TITLE_SOURCES).map((w) => escapeMarkdown(w.source)).join('; ')}${where.length > MAX_TITLE_SOURCES ? `; ${where.length - MAX_TITLE_SOURCES} more` : ''})`);
    lines.push(`${titles.size > 1 ? 'Titles the corpus uses (they differ)' : 'Title the corpus uses'}: ${list.join(', ')}`);
  }
  if (beside.size) {
    const list = [...beside].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_BESIDE)
      .map(([name, ids]) => `${escapeMarkdown(name)} (${ids.size})`);
    lines.push(`Organizations named beside them: ${list.join(', ')}`);
  }
}

const MAX_TITLES = 5;
const MAX_TITLE_SOURCES = 3;
const MAX_BESIDE = 5;

/** Which article says it, and when: its label and dateline. */
function sourceOf(article: AnalyzedArticle): string {
  const date = article.dateline ? `, ${formatIso(article.dateline)}` : ', undated';
  return `${articleLabel(article.id)}${date}`;
}

/** The organizations named in the sentence of the article's entity `index` (not the entity itself). */
function organizationsBeside(article: AnalyzedArticle, index: number): string[] {
  const m = article.entities[index]!;
  const sentences = article.article.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const sentence = sentences[lo];
  if (!sentence || sentence.start > m.start) return [];
  const out: string[] = [];
  for (let k = Math.max(0, index - MAX_NEIGHBOURS); k < Math.min(article.entities.length, index + MAX_NEIGHBOURS + 1); k++) {
    const e = article.entities[k]!;
    if (k === index || e.type !== 'organization' || e.start < sentence.start || e.end > sentence.end) continue;
    if (!out.includes(e.canonical)) out.push(e.canonical);
  }
  return out;
}

/** Entities either side of a mention looked at for organizations in its sentence. */
const MAX_NEIGHBOURS = 12;

function formatCoordinates([lat, lon]: [number, number]): string {
  return `${Math.abs(lat).toFixed(3)}°${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(3)}°${lon >= 0 ? 'E' : 'W'}`;
}
