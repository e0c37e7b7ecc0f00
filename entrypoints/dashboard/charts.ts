/** uPlot options and data for the dashboard's charts (pure: built from rows, drawn by components/Chart). */
import type uPlot from 'uplot';
import { median, quantile } from '@/lib/metrics/baseline';
import type { AuthorDistribution, Measure, PeerComparison } from '@/lib/metrics/compare';
import { hasValue, type Metric } from '@/lib/model';
import type { PostRecord, SnapshotRecord } from '@/lib/storage/db';

type Options = Omit<uPlot.Options, 'width'>;
export interface ChartSpec {
  options: Options;
  data: uPlot.AlignedData;
}

const COLORS = ['#2563eb', '#db2777', '#16a34a', '#ea580c', '#7c3aed', '#0891b2'];
const points = (stroke: string): Partial<uPlot.Series> => ({
  stroke,
  paths: () => null,
  points: { show: true, size: 6, stroke, fill: stroke },
});
const asPercent = (measure: Measure) => (measure === 'engagementRate' ? 100 : 1);

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
      height: 260,
      scales: { x: { time: true } },
      series: [
        {},
        { label: `My posts (${label})`, ...points(COLORS[0]!) },
        { label: 'Peers’ median', stroke: COLORS[1], dash: [6, 4], width: 1.5 },
      ],
      axes: [{}, { label: measure === 'engagementRate' ? '%' : label }],
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
      height: 260,
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, authors.length - 0.5)] } },
      series: [
        {},
        { label: 'Lowest', ...points('#94a3b8') },
        { label: '25th percentile', stroke: COLORS[0], width: 1 },
        { label: 'Median', ...points(COLORS[0]!) },
        { label: '75th percentile', stroke: COLORS[0], width: 1 },
        { label: 'Highest', ...points('#94a3b8') },
      ],
      bands: [{ series: [4, 2], fill: 'rgba(37, 99, 235, 0.15)' }],
      axes: [
        {
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (names[i] ?? '') : '')),
          rotate: -30,
          size: 80,
        },
        { label: 'engagement rate, %' },
      ],
    },
    data: [authors.map((_, i) => i), pct(0), pct(0.25), authors.map((a) => median(a.values)! * 100), pct(0.75), pct(1)],
  };
}

const HISTORY_SERIES: Metric[] = ['likes', 'reposts', 'replies', 'views'];

/** A post's counts over time; views on their own axis (they are usually 100× the rest). */
export function historyChart(history: readonly SnapshotRecord[]): ChartSpec {
  const present = HISTORY_SERIES.filter((m) => history.some((s) => hasValue(s.counts[m])));
  return {
    options: {
      height: 240,
      scales: { x: { time: true }, views: {} },
      series: [
        {},
        ...present.map((metric, i) => ({
          label: metric,
          stroke: COLORS[i],
          width: 1.5,
          spanGaps: true,
          ...(metric === 'views' ? { scale: 'views' } : {}),
        })),
      ],
      axes: [
        {},
        { label: 'count' },
        ...(present.includes('views') ? [{ scale: 'views', side: 1, label: 'views', grid: { show: false } }] : []),
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
