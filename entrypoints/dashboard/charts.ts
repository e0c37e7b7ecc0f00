/**
 * uPlot options and data for the dashboard's charts (pure: built from rows, drawn by components/Chart).
 * Every axis says what it measures and in which unit, and its ticks and the legend's values are
 * written by Intl in the UI language: uPlot's own formatters are English ("Nov 3", "1,234").
 */
import type uPlot from 'uplot';
import { median, quantile } from '@/lib/metrics/baseline';
import type { AuthorDistribution, Measure, PeerComparison } from '@/lib/metrics/compare';
import { hasValue, type Metric } from '@/lib/model';
import type { PostRecord, SnapshotRecord } from '@/lib/storage/db';
import { formatDateTime, formatDay, formatList, formatNumber, formatTime } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { capitalized, measureLabel, metricLabel } from '@/lib/ui/labels';

type Options = Omit<uPlot.Options, 'width'>;
export interface ChartSpec {
  options: Options;
  data: uPlot.AlignedData;
}

const COLORS = ['#2563eb', '#db2777', '#16a34a', '#ea580c', '#7c3aed', '#0891b2'];
const DAY_SECONDS = 24 * 3600;
const points = (stroke: string): Partial<uPlot.Series> => ({
  stroke,
  paths: () => null,
  points: { show: true, size: 6, stroke, fill: stroke },
});
const asPercent = (measure: Measure) => (measure === 'engagementRate' ? 100 : 1);

/** Fraction digits a tick step needs: 0 for 1, 2, 5…; 1 for 0.5; 2 for 0.05. */
export const stepDigits = (step: number) => (step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9)));

/** uPlot's tick formatter: the ticks' values and the step between them in, their text out. */
type Ticks = (u: uPlot, splits: number[], axis: number, space: number, step: number) => string[];

/** Number ticks ("1.234", "0,5"): as many digits as the step between ticks needs. */
export const numberTicks: Ticks = (_u, splits, _axis, _space, step) =>
  splits.map((v) => formatNumber(v, stepDigits(step)));

/**
 * Time ticks in the user's time zone (uPlot's x values are seconds): days when ticks are a day
 * or more apart, else hours, with the day under the first hour of each day.
 */
export const timeTicks: Ticks = (_u, splits, _axis, _space, step) => {
  let lastDay = '';
  return splits.map((seconds) => {
    const day = formatDay(seconds * 1000);
    if (step >= DAY_SECONDS) return day;
    const label = day === lastDay ? formatTime(seconds * 1000) : `${formatTime(seconds * 1000)}\n${day}`;
    lastDay = day;
    return label;
  });
};

/** The legend's values, in the UI language; "—" where a series has none at that point. */
const legendNumber = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatNumber(v, 2));
const legendTime = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatDateTime(v * 1000));

const timeAxis = (label: string): uPlot.Axis => ({ label, values: timeTicks, space: 60 });
const numberAxis = (label: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
  label,
  values: numberTicks,
  ...extra,
});

/** "Interactions (count)", "Engagement rate by views (%)". */
const measureAxisLabel = (measure: Measure) =>
  t(measure === 'engagementRate' ? 'dash.axis.percent' : 'dash.axis.count', { measure: measureLabel(measure) });

/** My posts (dots) against the peers' median (a line) at one age, along publication time. */
export function comparisonChart(
  rows: readonly PeerComparison<PostRecord>[],
  measure: Measure,
  label: string,
): ChartSpec {
  const sorted = [...rows].sort((a, b) => a.post.postedAt! - b.post.postedAt!);
  const k = asPercent(measure);
  return {
    options: {
      height: 280,
      scales: { x: { time: true } },
      series: [
        { value: legendTime },
        { label: t('dash.comparison.myPosts', { measure: label }), value: legendNumber, ...points(COLORS[0]!) },
        {
          label: t('dash.comparison.peersMedian'),
          value: legendNumber,
          stroke: COLORS[1],
          dash: [6, 4],
          width: 1.5,
        },
      ],
      axes: [timeAxis(t('dash.axis.posted')), numberAxis(measureAxisLabel(measure))],
    },
    data: [
      sorted.map((r) => r.post.postedAt! / 1000),
      sorted.map((r) => r.value * k),
      sorted.map((r) => (r.peersMedian === null ? null : r.peersMedian * k)),
    ],
  };
}

/** Per author: the middle half of their engagement rates as a band, the median as a line of dots, the extremes as dots. */
export function distributionChart(authors: readonly AuthorDistribution[]): ChartSpec {
  const names = authors.map((a) => `@${a.author}`);
  const pct = (q: number) => authors.map((a) => quantile(a.values, q)! * 100);
  return {
    options: {
      height: 280,
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, authors.length - 0.5)] } },
      series: [
        { value: (_u, i) => (i === null ? '—' : (names[i] ?? '')) },
        { label: t('dash.col.lowest'), value: legendNumber, ...points('#94a3b8') },
        { label: t('dash.col.p25'), value: legendNumber, stroke: COLORS[0], width: 1 },
        { label: t('dash.col.median'), value: legendNumber, ...points(COLORS[0]!) },
        { label: t('dash.col.p75'), value: legendNumber, stroke: COLORS[0], width: 1 },
        { label: t('dash.col.highest'), value: legendNumber, ...points('#94a3b8') },
      ],
      bands: [{ series: [4, 2], fill: 'rgba(37, 99, 235, 0.15)' }],
      axes: [
        {
          label: t('dash.axis.author'),
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (names[i] ?? '') : '')),
          rotate: -30,
          size: 80,
        },
        numberAxis(measureAxisLabel('engagementRate')),
      ],
    },
    data: [authors.map((_, i) => i), pct(0), pct(0.25), authors.map((a) => median(a.values)! * 100), pct(0.75), pct(1)],
  };
}

const HISTORY_SERIES: Metric[] = ['likes', 'reposts', 'replies', 'views'];

/** A post's counts over time; views on their own axis (they are usually 100× the rest). */
export function historyChart(history: readonly SnapshotRecord[]): ChartSpec {
  const present = HISTORY_SERIES.filter((m) => history.some((s) => hasValue(s.counts[m])));
  const beside = present.filter((m) => m !== 'views');
  const countAxis = (metrics: readonly Metric[]) =>
    t('dash.axis.count', { measure: capitalized(formatList(metrics.map(metricLabel))) });
  return {
    options: {
      height: 260,
      scales: { x: { time: true }, views: {} },
      series: [
        { value: legendTime },
        ...present.map((metric, i) => ({
          label: capitalized(metricLabel(metric)),
          value: legendNumber,
          stroke: COLORS[i],
          width: 1.5,
          spanGaps: true,
          ...(metric === 'views' ? { scale: 'views' } : {}),
        })),
      ],
      axes: [
        timeAxis(t('dash.axis.time')),
        ...(beside.length ? [numberAxis(countAxis(beside))] : []),
        ...(present.includes('views')
          ? [numberAxis(countAxis(['views']), { scale: 'views', side: 1, grid: { show: false } })]
          : []),
      ],
    },
    data: [
      history.map((s) => s.at / 1000),
      ...present.map((metric) =>
        history.map((s) => {
          const count = s.counts[metric];
          return hasValue(count) ? count.value : null;
        }),
      ),
    ],
  };
}
