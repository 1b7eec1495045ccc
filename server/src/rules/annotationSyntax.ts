// Malformed annotations: unclosed, nested, unknown types or keys, bad values. The parser's fix rides in `data`.
import type { Finding, Rule } from './types';

export const annotationSyntax: Rule = {
  id: 'annotation-syntax',
  summary: 'A malformed annotation: unclosed, nested, an unknown type or key, or a bad value.',
  defaultSeverity: 'error',
  crossArticle: false,
  check({ article }) {
    return article.annotations.errors.map((e): Finding => ({
      ruleId: this.id,
      start: e.start,
      end: Math.max(e.end, e.start + 1),
      offsets: 'document',
      message: e.message,
      data: { code: e.code, ...(e.fix ? { fix: e.fix } : {}) },
      // Brackets that open no annotation of ours (wiki markup) are text: a hint, not an error.
      ...(e.code === 'not-an-annotation' ? { severity: 'hint' as const } : {}),
    }));
  },
};
