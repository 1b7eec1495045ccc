// Reading the `corpusLens` settings: from initializationOptions, then workspace/configuration when supported.
// Only what the user set counts: a key that is absent or null is unset, and falls back to the project file.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CorpusLensSettings } from '../shared/protocol';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function explicitSettings(raw: unknown): Partial<CorpusLensSettings> {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof CorpusLensSettings, unknown>>;
  const strings = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined);
  const out: Partial<CorpusLensSettings> = {};
  const include = strings(value.include);
  const exclude = strings(value.exclude);
  const knowledgeBase = strings(value.knowledgeBase);
  if (include) out.include = include;
  if (exclude) out.exclude = exclude;
  if (knowledgeBase) out.knowledgeBase = knowledgeBase;
  if (typeof value.maxFileSizeMB === 'number' && value.maxFileSizeMB > 0) out.maxFileSizeMB = value.maxFileSizeMB;
  if (value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    out.rules = Object.fromEntries(Object.entries(value.rules).filter(([, s]) => SEVERITIES.has(s as string))) as CorpusLensSettings['rules'];
  }
  if (value.inlayHints && typeof value.inlayHints === 'object') out.inlayHints = inlayHints(value.inlayHints);
  return out;
}

function inlayHints(raw: unknown): CorpusLensSettings['inlayHints'] {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    dates: typeof value.dates === 'boolean' ? value.dates : DEFAULT_SETTINGS.inlayHints.dates,
    figures: typeof value.figures === 'boolean' ? value.figures : DEFAULT_SETTINGS.inlayHints.figures,
  };
}

export async function fetchSettings(connection: Connection, canAsk: boolean, fallback: Partial<CorpusLensSettings>): Promise<Partial<CorpusLensSettings>> {
  if (!canAsk) return fallback;
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    return section ? explicitSettings(section) : fallback;
  } catch {
    return fallback;
  }
}
