// The figures module: extraction (grammar, subject, source, date, framing), claim clusters and comparisons.
export type { Dimension, Figure, FigureDate, FigureKind, FigureSource, FigureSubject, FigureTextInput, Framing, QualifierKind } from './types';
export { extractFigures } from './extract';
export { figuresOfArticle, storyTermsOfArticle, type FigureSourceArticle } from './articleFigures';
export { FigureCluster, FigureClusterIndex, clusterIdOf, dayOf, SAME_TIME_DAYS, type ClusterMember } from './clusters';
export {
  articleLabel, FigureCorpus, figureContextOf, figureCorpusOf, figuresOf, type ArticleFigures, type CorpusWithFigures,
  type FigureCorpusView, type WithFigures,
} from './corpusFigures';
export {
  conflicting, describeClaim, figureData, figureRecord, isSuperseded, sameQuantityRows, sameTime, shortDate, supersessionsOf,
  type SameQuantityRow,
} from './claims';
export { measureFigureSpeed, sampleArticle, type FigureSpeed } from './speed';
