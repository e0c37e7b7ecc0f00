import type uPlot from 'uplot';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exact } from '@/lib/model';
import type { SnapshotRecord } from '@/lib/storage/db';
import { loadCatalog } from '../../tests/unit/catalogs';
import { comparisonChart, distributionChart, historyChart, numberTicks, stepDigits, timeTicks } from './charts';

async function speak(language: string) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
}
afterEach(() => speak('en'));

const plot = {} as uPlot;
const HOUR = 3600;
const axisLabels = (options: { axes?: uPlot.Axis[] }) => options.axes!.map((a) => a.label);

function snapshot(at: number, likes: number, views: number): SnapshotRecord {
  return {
    post: 'x:1',
    at,
    counts: { likes: exact(likes), replies: exact(1), views: exact(views) },
  };
}

describe('the dashboard charts', () => {
  it('label every axis with what it measures and its unit', () => {
    expect(axisLabels(comparisonChart([], 'engagementRate', 'Engagement rate by views').options)).toEqual([
      'Date posted (local time)',
      'Engagement rate by views (%)',
    ]);
    expect(axisLabels(comparisonChart([], 'likes', 'Likes').options)).toEqual([
      'Date posted (local time)',
      'Likes (count)',
    ]);
    expect(axisLabels(distributionChart([]).options)).toEqual(['Author', 'Engagement rate by views (%)']);
    // Views are on their own axis: they are usually a hundred times the rest.
    const history = historyChart([snapshot(0, 1, 100), snapshot(HOUR * 1000, 5, 900)]);
    expect(axisLabels(history.options)).toEqual(['Time (local time)', 'Likes and replies (count)', 'Views (count)']);
  });

  it('write tick numbers in the UI language, with the digits the step needs', async () => {
    await speak('de');
    expect(numberTicks(plot, [0, 1500, 3000], 1, 50, 1500)).toEqual(['0', '1.500', '3.000']);
    expect(numberTicks(plot, [0, 0.5, 1], 1, 50, 0.5)).toEqual(['0', '0,5', '1']);
    expect(stepDigits(0.05)).toBe(2);
    expect(stepDigits(0.25)).toBe(1);
    expect(stepDigits(2)).toBe(0);
  });

  it('give time ticks as days, or as hours with the day under each day’s first', async () => {
    await speak('de');
    const day = (d: number, h = 0) => new Date(2026, 10, d, h).getTime() / 1000;
    expect(timeTicks(plot, [day(3), day(4)], 0, 60, 24 * HOUR)).toEqual(['3. Nov.', '4. Nov.']);
    expect(timeTicks(plot, [day(3, 12), day(3, 18), day(4, 0)], 0, 60, 6 * HOUR)).toEqual([
      '12:00\n3. Nov.',
      '18:00',
      '0:00\n4. Nov.',
    ]);
  });

  it('speak the UI language in labels and legends too', async () => {
    await speak('de');
    const history = historyChart([snapshot(0, 1, 100), snapshot(HOUR * 1000, 5, 1234)]);
    expect(history.options.series.slice(1).map((s) => s.label)).toEqual(['Likes', 'Antworten', 'Aufrufe']);
    const legend = history.options.series[3]!.value as (u: uPlot, v: number | null) => string;
    expect(legend(plot, 1234)).toBe('1.234');
    expect(legend(plot, null)).toBe('—');
  });
});
