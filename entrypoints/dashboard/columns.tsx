/** The dashboard's tables: what each column shows, and what its CSV holds (raw numbers, full text). */
import type { Column } from '@/components/DataTable';
import { formatCount, formatDateTime, formatFixed, formatNumber, formatRatio } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { capitalized, metricLabel } from '@/lib/ui/labels';
import { adapterById } from '@/lib/platforms/registry';
import { median, quantile } from '@/lib/metrics/baseline';
import type { AgeId } from '@/lib/metrics/ages';
import { measureAtAge, type AuthorDistribution, type Measure, type PeerComparison } from '@/lib/metrics/compare';
import { ageLabel } from '@/lib/metrics/format';
import { PUBLISHED_BENCHMARKS, type PublishedBenchmark } from '@/lib/metrics/benchmarks';
import { shownMetrics } from '@/lib/metrics/platform-metrics';
import { MIN_SAMPLE, engagements, rate } from '@/lib/metrics/rates';
import { hasValue, type Count, type Metric, type PlatformId } from '@/lib/model';
import type { PostRecord, SnapshotRecord } from '@/lib/storage/db';

/**
 * On screen in the user's language and on their own clock, as the header says; the exact moment
 * stays machine-readable in the element's datetime.
 */
const when = (at: number | undefined) =>
  at === undefined ? '' : <time dateTime={new Date(at).toISOString()}>{formatDateTime(at)}</time>;
const two = (n: number) => String(n).padStart(2, '0');
/** "2026-11-03 14:05:09" local time in the CSV: sorts as text and any spreadsheet reads it as a date. */
const localStamp = (at: number | undefined) => {
  if (at === undefined) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
};
const value = (count: Count | undefined) => (hasValue(count) ? count.value : null);
const pct = (v: number | null) => (v === null ? '—' : formatRatio({ value: v, min: v, max: v, exact: true }));

/** A measure as shown: a percentage for engagement rate, a count otherwise. */
export function formatMeasure(v: number | null, measure: Measure): string {
  if (v === null) return '—';
  return measure === 'engagementRate' ? pct(v) : formatCount({ precision: 'exact', value: Math.round(v * 10) / 10 });
}

const author = (): Column<PostRecord> => ({
  id: 'author',
  label: t('dash.col.author'),
  text: true,
  show: (p) => (p.author ? `@${p.author}` : '—'),
  csv: (p) => p.author,
});
const text = (): Column<PostRecord> => ({
  id: 'text',
  label: t('dash.col.post'),
  text: true,
  show: (p) => p.text ?? p.postId,
  csv: (p) => p.text ?? '',
});
const metricColumn = (metric: Metric): Column<PostRecord> => ({
  id: metric,
  label: capitalized(metricLabel(metric)),
  show: (p) => formatCount(p.latest[metric]),
  csv: (p) => value(p.latest[metric]),
});

/** The posts table of one site: only the counts it shows (no reposts on YouTube). */
export function postColumns(
  platform: PlatformId,
  age: AgeId,
  measure: Measure,
  measureLabel: string,
): Column<PostRecord>[] {
  const er = (p: PostRecord) => rate(engagements(p.latest, p.platform), p.latest.views);
  return [
    {
      id: 'posted',
      label: t('dash.col.postedLocal'),
      show: (p) => when(p.postedAt),
      csv: (p) => localStamp(p.postedAt),
    },
    author(),
    text(),
    ...shownMetrics(platform, ['likes', 'reposts', 'replies', 'views'] as const).map(metricColumn),
    {
      id: 'engagementRate',
      label: t('dash.col.engagementRate'),
      show: (p) => formatRatio(er(p)) + (er(p)?.lowSample ? ` ${t('dash.few.views')}` : ''),
      csv: (p) => er(p)?.value ?? null,
      percent: true,
    },
    {
      id: 'atAge',
      label: t('dash.col.atAge', { measure: measureLabel, age: ageLabel(age) }),
      show: (p) => formatMeasure(measureAtAge(p, age, measure), measure),
      csv: (p) => measureAtAge(p, age, measure),
      percent: measure === 'engagementRate',
    },
    {
      id: 'url',
      label: t('dash.col.link'),
      text: true,
      show: (p) => (
        <a href={p.url} target="_blank" rel="noopener noreferrer">
          {t('dash.open')}
        </a>
      ),
      csv: (p) => p.url,
    },
  ];
}

export function comparisonColumns(
  age: AgeId,
  measure: Measure,
  measureLabel: string,
): Column<PeerComparison<PostRecord>>[] {
  return [
    {
      id: 'posted',
      label: t('dash.col.postedLocal'),
      show: (r) => when(r.post.postedAt),
      csv: (r) => localStamp(r.post.postedAt),
    },
    {
      id: 'author',
      label: t('dash.col.account'),
      text: true,
      show: (r) => `@${r.post.author}`,
      csv: (r) => r.post.author,
    },
    {
      id: 'text',
      label: t('dash.col.post'),
      text: true,
      show: (r) => r.post.text ?? r.post.postId,
      csv: (r) => r.post.text ?? '',
    },
    {
      id: 'value',
      label: t('dash.col.atAge', { measure: measureLabel, age: ageLabel(age) }),
      show: (r) => formatMeasure(r.value, measure),
      csv: (r) => r.value,
      percent: measure === 'engagementRate',
    },
    {
      id: 'median',
      label: t('dash.col.peersMedian'),
      show: (r) => formatMeasure(r.peersMedian, measure),
      csv: (r) => r.peersMedian,
      percent: measure === 'engagementRate',
    },
    {
      id: 'vsMedian',
      label: t('dash.col.vsMedian'),
      show: (r) => (r.vsMedian === null ? '—' : t('format.times', { value: formatFixed(r.vsMedian, 2) })),
      csv: (r) => r.vsMedian,
    },
    {
      id: 'percentile',
      label: t('dash.col.percentile'),
      show: (r) =>
        r.percentile
          ? formatNumber(Math.round(r.percentile.percentile)) +
            (r.percentile.lowSample ? ` ${t('dash.few.peers')}` : '')
          : '—',
      csv: (r) => r.percentile?.percentile ?? null,
    },
  ];
}

export const distributionColumns = (): Column<AuthorDistribution>[] => [
  { id: 'author', label: t('dash.col.author'), text: true, show: (d) => `@${d.author}`, csv: (d) => d.author },
  {
    id: 'posts',
    label: t('dash.col.postsRated'),
    show: (d) => formatNumber(d.values.length),
    csv: (d) => d.values.length,
  },
  { id: 'min', label: t('dash.col.lowest'), show: (d) => pct(d.values[0]!), csv: (d) => d.values[0], percent: true },
  {
    id: 'p25',
    label: t('dash.col.p25'),
    show: (d) => pct(quantile(d.values, 0.25)),
    csv: (d) => quantile(d.values, 0.25),
    percent: true,
  },
  {
    id: 'median',
    label: t('dash.col.median'),
    show: (d) => pct(median(d.values)),
    csv: (d) => median(d.values),
    percent: true,
  },
  {
    id: 'p75',
    label: t('dash.col.p75'),
    show: (d) => pct(quantile(d.values, 0.75)),
    csv: (d) => quantile(d.values, 0.75),
    percent: true,
  },
  {
    id: 'max',
    label: t('dash.col.highest'),
    show: (d) => pct(d.values.at(-1)!),
    csv: (d) => d.values.at(-1),
    percent: true,
  },
  {
    id: 'lowSample',
    label: t('dash.col.leftOut', { views: formatNumber(MIN_SAMPLE) }),
    show: (d) => formatNumber(d.lowSample),
    csv: (d) => d.lowSample,
  },
];

const HISTORY_METRICS: Metric[] = ['likes', 'reposts', 'quotes', 'replies', 'views', 'bookmarks'];
export const historyColumns = (): Column<SnapshotRecord>[] => [
  { id: 'at', label: t('dash.col.whenLocal'), show: (s) => when(s.at), csv: (s) => localStamp(s.at) },
  ...HISTORY_METRICS.map((metric): Column<SnapshotRecord> => ({
    id: metric,
    label: capitalized(metricLabel(metric)),
    show: (s) => formatCount(s.counts[metric]),
    csv: (s) => value(s.counts[metric]),
  })),
];

const PLATFORMS_WITH_BENCHMARKS: PlatformId[] = ['tiktok', 'instagram', 'facebook', 'x', 'linkedin', 'youtube'];
export const benchmarkColumns = (): Column<PublishedBenchmark>[] => [
  { id: 'source', label: t('dash.col.source'), text: true, show: (b) => b.source, csv: (b) => b.source },
  { id: 'method', label: t('dash.col.method'), text: true, show: (b) => t(b.method), csv: (b) => t(b.method) },
  { id: 'data', label: t('dash.col.data'), text: true, show: (b) => t(b.data), csv: (b) => t(b.data) },
  ...PLATFORMS_WITH_BENCHMARKS.map((platform): Column<PublishedBenchmark> => ({
    id: platform,
    // The site as it spells itself ("TikTok", "LinkedIn", "YouTube").
    label: adapterById(platform)?.name ?? platform,
    show: (b) => pct(b.rates[platform] ?? null),
    csv: (b) => b.rates[platform] ?? null,
    percent: true,
  })),
  { id: 'via', label: t('dash.col.via'), text: true, show: (b) => b.via, csv: (b) => b.via },
];
export { PUBLISHED_BENCHMARKS };
