// The hover card of a person the knowledge base does not know: what the corpus says of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../core/corpusIndex';
import { entityHoverMarkdown } from './entityHover';

function corpusOf(articles: Record<string, string>): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [name, text] of Object.entries(articles)) corpus.setFromDisk(`file:///news/${name}`, text);
  return corpus;
}

test('a person outside the knowledge base: titles with the articles and dates that give them, organizations beside', () => {
  const corpus = corpusOf({
    'a.txt': 'Talks in Reykjavik\ndate 2031-03-01\n\nForeign Minister Marta Quillfeather met the Nordic Council in Reykjavik on Monday.\n',
    'b.txt': 'Talks go on\ndate 2031-03-04\n\nDeputy Premier Marta Quillfeather told the Nordic Council and the Arctic Fisheries Board that talks would go on.\n',
    'c.txt': 'Quillfeather abroad\ndate 2031-03-09\n\nForeign Minister Marta Quillfeather flew to Oslo.\n',
  });
  const article = corpus.get('file:///news/a.txt')!;
  const mention = article.entities.find((m) => m.text === 'Marta Quillfeather');
  assert.ok(mention, article.entities.map((m) => m.text).join(', '));
  assert.equal(mention.entityKey, undefined, 'not in any knowledge base');
  const hover = entityHoverMarkdown(corpus, article, mention);
  assert.match(hover, /Not in the knowledge base/);
  assert.match(hover, /"Foreign Minister" \(a, 2031-03-01; c, 2031-03-09\)/);
  assert.match(hover, /"Deputy Premier" \(b, 2031-03-04\)/);
  assert.match(hover, /Organizations named beside them: Nordic Council \(2\)/);
  assert.match(hover, /Arctic Fisheries Board \(1\)/);
});

test('organizations beside a person are escaped like all article text', () => {
  const corpus = corpusOf({
    'a.txt': 'Talks\ndate 2031-03-01\n\nMinister Marta Quillfeather met the [Evil](command:workbench.action.quit) Council in Reykjavik.\n',
  });
  const article = corpus.get('file:///news/a.txt')!;
  const mention = article.entities.find((m) => m.text === 'Marta Quillfeather')!;
  const hover = entityHoverMarkdown(corpus, article, mention);
  assert.doesNotMatch(hover, /\]\(command:/);
});
