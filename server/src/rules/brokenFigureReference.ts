// A figure annotation whose ref= no longer finds its target: the file is gone, or the text or anchor changed.
import { findReferencedSpan, parseFigureReference, referenceTargetUri } from '../core/annotations';
import { fileUri, uriToPath } from '../core/corpusFiles';
import type { Finding, Rule } from './types';

export const brokenFigureReference: Rule = {
  id: 'broken-figure-reference',
  summary: 'A figure annotation whose ref= points at a figure that no longer exists.',
  defaultSeverity: 'error',
  crossArticle: true,
  check({ article, corpus }) {
    const findings: Finding[] = [];
    for (const a of article.annotations.annotations) {
      if (a.type !== 'figure') continue;
      const ref = a.attributes.find((x) => x.key === 'ref');
      if (!ref?.value) continue;
      const parsed = parseFigureReference(ref.value);
      let problem: string | undefined;
      if (!parsed.ok) {
        problem = parsed.message;
      } else {
        const raw = referenceTargetUri(article.id, parsed.reference.file);
        const path = uriToPath(raw);
        const target = corpus.get(path ? fileUri(path) : raw);
        if (!target) problem = `the article "${parsed.reference.file}" is not in the corpus`;
        else if (!findReferencedSpan(parsed.reference, { clean: target.text, annotations: target.annotations.annotations })) {
          problem = parsed.reference.kind === 'anchor'
            ? `no figure in "${parsed.reference.file || 'this article'}" has anchor=${parsed.reference.anchor}`
            : `"${parsed.reference.text}" no longer occurs ${parsed.reference.occurrence > 1 ? `${parsed.reference.occurrence} times ` : ''}in "${parsed.reference.file || 'this article'}"`;
        }
      }
      if (!problem) continue;
      findings.push({
        ruleId: this.id,
        start: ref.valueSpan.start,
        end: ref.valueSpan.end,
        offsets: 'document',
        message: `Broken figure reference: ${problem}.`,
        data: { ref: ref.value, attributeSpan: ref.span },
      });
    }
    return findings;
  },
};
