import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatCount,
  formatDateTime,
  formatDay,
  formatFixed,
  formatList,
  formatRatio,
  formatTime,
} from './format';

const HOUR = 60 * 60 * 1000;

describe('numbers and dates in the UI language', () => {
  it('write German numbers the German way', () => {
    expect(formatCount({ value: 49718, precision: 'exact' }, 'de')).toBe('49.718');
    expect(formatRatio({ value: 0.063, min: 0.063, max: 0.063, exact: true }, 'de')).toBe('6,3\u00a0%');
    expect(formatFixed(13.14, 1, 'de')).toBe('13,1');
    expect(formatList(['X', 'Reddit', 'Bluesky'], 'de')).toBe('X, Reddit und Bluesky');
  });

  it('give ages in the language’s own units, then a date', () => {
    const now = Date.UTC(2026, 10, 20, 12);
    expect(formatAge(now - 5 * HOUR, now, 'en')).toBe('5h');
    expect(formatAge(now - 5 * HOUR, now, 'ja')).toBe(
      new Intl.NumberFormat('ja', { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }).format(5),
    );
    expect(formatAge(now - 30 * 24 * HOUR, now, 'en')).toBe('Oct 21');
  });

  it('show moments in the user’s time zone, not as UTC ISO text', () => {
    const at = Date.UTC(2026, 10, 3, 14, 5);
    const text = formatDateTime(at, 'en-GB');
    expect(text).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
    expect(text).not.toContain('T14:05');
  });

  it('give a chart’s day and hour ticks in the language and the user’s own clock', () => {
    // 14:05 on the user's wall clock, whatever time zone this machine is in.
    const at = new Date(2026, 10, 3, 14, 5).getTime();
    expect(formatTime(at, 'de')).toBe('14:05');
    expect(formatTime(at, 'en')).toBe('2:05 PM');
    expect(formatDay(at, 'de')).toBe('3. Nov.');
    expect(formatDay(at, 'en')).toBe('Nov 3');
    expect(formatDay(at, 'ja')).toBe('11月3日');
  });
});
