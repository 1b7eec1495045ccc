// Run in a fresh process by the benchmark: how long the knowledge base, the gazetteer and the recognizer's
// lexicon take to load, and the memory they hold. Prints one JSON object.
import { performance } from 'node:perf_hooks';
import { feedRecognizerLexicon } from '../../server/src/core/analysis';
import { loadGazetteer } from '../../server/src/core/knowledge/gazetteer';
import { KnowledgeBase } from '../../server/src/core/knowledge/knowledgeBase';
import { loadRecognizer } from '../../server/src/core/recognition';

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const kb = new KnowledgeBase();
const kbMs = performance.now() - started;
const gazetteer = loadGazetteer();
const gazetteerMs = performance.now() - started - kbMs;
loadRecognizer();
feedRecognizerLexicon(kb);
const totalMs = performance.now() - started;
global.gc?.();
const used = process.memoryUsage();
process.stdout.write(`${JSON.stringify({
  knowledgeBaseMs: Math.round(kbMs * 10) / 10,
  gazetteerMs: Math.round(gazetteerMs * 10) / 10,
  knowledgeLoadMs: Math.round(totalMs * 10) / 10,
  knowledgeHeapMB: Math.round(((used.heapUsed - heapBefore) / 1048576) * 10) / 10,
  knowledgeRssMB: Math.round(((used.rss - rssBefore) / 1048576) * 10) / 10,
  gazetteerPlaces: gazetteer?.placeCount ?? 0,
})}\n`);
