import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown, inlineCode } from './markdown';

test('article text cannot inject links, HTML, emphasis or tables', () => {
  assert.equal(escapeMarkdown('[click](command:workbench.action.quit)'), '\\[click\\](command:workbench.action.quit)');
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(escapeMarkdown('*bold* _it_ a|b `x`'), '\\*bold\\* \\_it\\_ a\\|b \\`x\\`');
  assert.equal(escapeMarkdown('line\nbreak\r\nhere'), 'line break here');
});

test('line-start syntax is neutralized, ordinary punctuation stays readable', () => {
  assert.equal(escapeMarkdown('1. first'), '1\\. first');
  assert.equal(escapeMarkdown('- item'), '\\- item');
  assert.equal(escapeMarkdown('# heading'), '\\# heading');
  assert.equal(escapeMarkdown('Vice-Chancellor (2018-03-14–2021-12-08).'), 'Vice-Chancellor (2018-03-14–2021-12-08).');
});

test('inline code fences outgrow any backticks inside', () => {
  assert.equal(inlineCode('a ` b'), '``a ` b``');
  assert.equal(inlineCode('plain'), '`plain`');
});
