// Person, place and organization recognition: the public entry points.

import * as path from 'node:path';
import { dataDir, loadModelFile, MODEL_FILE_NAME, type RecognizerModel } from './model';
import { recognizeMentions } from './recognize';
import type { EntityMention, EntityType, RecognizeOptions } from './types';

export type { EntityMention, EntityType, RecognizeOptions } from './types';
export { ENTITY_TYPES } from './types';
export { dataDir } from './model';
export { measureRecognitionSpeed, type SpeedReport } from './speed';

let loaded: RecognizerModel | undefined;
let loadError: Error | undefined;
const pendingGazetteer: { name: string; type: EntityType }[] = [];

/** Loads the shipped model once (from `dataDir()`, or from `file`). Throws when the model file is missing or broken. */
export function loadRecognizer(file?: string): RecognizerModel {
  if (loaded && !file) return loaded;
  const model = loadModelFile(file ?? path.join(dataDir(), MODEL_FILE_NAME));
  if (pendingGazetteer.length) model.lexicon.addEntries(pendingGazetteer);
  if (!file) loaded = model;
  return model;
}

/** Uses the given model for `recognizeEntities` from now on (tests, evaluation of a fresh model). */
export function useRecognizerModel(model: RecognizerModel): void {
  loaded = model;
  loadError = undefined;
  if (pendingGazetteer.length) model.lexicon.addEntries(pendingGazetteer);
}

/**
 * Adds gazetteer entries (for example from a places index or a knowledge base) to the recognizer's lexicon. They act
 * as features, as the trained gazetteers do: an entry makes its type likelier, it does not force it.
 */
export function addGazetteerEntries(entries: Iterable<{ name: string; type: EntityType }>): void {
  const list = [...entries];
  pendingGazetteer.push(...list);
  loaded?.lexicon.addEntries(list);
}

/** The reason the model could not be loaded, if it could not. */
export function recognizerLoadError(): Error | undefined {
  return loadError;
}

/**
 * Person, place and organization mentions in `text`, in text order. Never throws: with no usable model it returns
 * no mentions (see `recognizerLoadError`).
 */
export function recognizeEntities(text: string, options: RecognizeOptions = {}): EntityMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (!loaded && loadError) return [];
  let model: RecognizerModel;
  try {
    model = loaded ?? loadRecognizer();
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
    return [];
  }
  try {
    return recognizeMentions(text, model, options);
  } catch {
    return [];
  }
}
