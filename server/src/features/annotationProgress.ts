// The Annotation progress view: per article, annotated entities and figures against recognized ones, least done first.
import { annotationProgress } from '../core/corpusViews';
import { Requests, type ArticleProgress } from '../shared/protocol';
import type { ServerContext } from './context';

export function registerAnnotationProgress(context: ServerContext): void {
  context.connection.onRequest(Requests.annotationProgress, (): ArticleProgress[] =>
    annotationProgress(context.corpus).map((row) => {
      const out: ArticleProgress = { uri: row.articleId, label: row.label, entities: row.entities, figures: row.figures };
      if (row.headline) out.headline = row.headline;
      return out;
    }),
  );
}
