// Reading the `corpusLens` settings: from initializationOptions, then workspace/configuration when supported.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CorpusLensSettings } from '../shared/protocol';

export function normalizeSettings(raw: unknown): CorpusLensSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof CorpusLensSettings, unknown>>;
  const strings = (v: unknown, fallback: string[]) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : fallback;
  const max = typeof value.maxFileSizeMB === 'number' && value.maxFileSizeMB > 0 ? value.maxFileSizeMB : DEFAULT_SETTINGS.maxFileSizeMB;
  const rules = value.rules && typeof value.rules === 'object' ? (value.rules as CorpusLensSettings['rules']) : {};
  return {
    include: strings(value.include, DEFAULT_SETTINGS.include),
    exclude: strings(value.exclude, DEFAULT_SETTINGS.exclude),
    maxFileSizeMB: max,
    rules,
    knowledgeBase: strings(value.knowledgeBase, DEFAULT_SETTINGS.knowledgeBase),
    inlayHints: inlayHints(value.inlayHints),
  };
}

function inlayHints(raw: unknown): CorpusLensSettings['inlayHints'] {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    dates: typeof value.dates === 'boolean' ? value.dates : DEFAULT_SETTINGS.inlayHints.dates,
    figures: typeof value.figures === 'boolean' ? value.figures : DEFAULT_SETTINGS.inlayHints.figures,
  };
}

export async function fetchSettings(connection: Connection, canAsk: boolean, fallback: CorpusLensSettings): Promise<CorpusLensSettings> {
  if (!canAsk) return fallback;
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    return section ? normalizeSettings(section) : fallback;
  } catch {
    return fallback;
  }
}
