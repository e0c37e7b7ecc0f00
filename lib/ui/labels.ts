/** The names of counts and rates in the UI language (their ids stay English in data and code). */
import type { Measure } from '../metrics/compare';
import type { RateId } from '../metrics/rates';
import type { POST_RATIOS } from '../metrics/ratios';
import type { Metric } from '../model';
import { t, uiLocale, type MessageKey } from './i18n';

const METRIC_LABELS: Record<Metric | 'engagements', MessageKey> = {
  likes: 'metrics.likes',
  reposts: 'metrics.reposts',
  quotes: 'metrics.quotes',
  replies: 'metrics.replies',
  views: 'metrics.views',
  bookmarks: 'metrics.bookmarks',
  engagements: 'metrics.engagements',
};

const RATE_LABELS: Record<RateId, MessageKey> = {
  engagementRate: 'rates.engagementRate',
  likesPerView: 'rates.likesPerView',
  amplification: 'rates.amplification',
  conversation: 'rates.conversation',
};

/** "likes" → "Likes" / "Gefällt mir"-style wording of the language. */
export const metricLabel = (metric: Metric): string => t(METRIC_LABELS[metric]);

export const rateLabel = (id: RateId): string => t(RATE_LABELS[id]);

/** A formula from lib/metrics/rates ("replies ÷ (likes + reposts)") with its words translated. */
export function formulaLabel(formula: string): string {
  return formula
    .replace('(incl. quotes)', t('metrics.inclQuotes'))
    .replace(/\b(engagements|likes|reposts|quotes|replies|views|bookmarks)\b/g, (word) =>
      t(METRIC_LABELS[word as Metric | 'engagements']),
    );
}

const MEASURE_LABELS: Record<Measure, MessageKey> = {
  interactions: 'dash.measure.interactions',
  likes: 'dash.measure.likes',
  engagementRate: 'dash.measure.engagementRate',
};

/** What the dashboard compares ("Interactions", "Engagement rate by views") in the UI language. */
export const measureLabel = (measure: Measure): string => t(MEASURE_LABELS[measure]);

/** "likes" → "Likes" for a column header: the language's own capital (none in Japanese). */
export const capitalized = (text: string, locale = uiLocale()): string =>
  text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

type PostRatioId = (typeof POST_RATIOS)[number]['id'];

const RATIO_LABELS: Record<PostRatioId, MessageKey> = {
  likesPerView: 'rates.likesPerView',
  repostsPerLike: 'pop.ratio.repostsPerLike',
  repliesPerLike: 'pop.ratio.repliesPerLike',
};

/** The popup's count-over-count ratios ("Reposts / likes") in the UI language. */
export const ratioLabel = (id: PostRatioId): string => t(RATIO_LABELS[id]);
