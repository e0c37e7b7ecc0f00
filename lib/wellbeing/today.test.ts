import { describe, expect, it } from 'vitest';
import { addToToday, localDay, wellbeingToday } from './today';

const at = (day: number, hour: number) => new Date(2026, 11, day, hour, 30).getTime();

describe('today’s wellbeing figures', () => {
  it('add up over the day, and start from zero on the next local day', () => {
    let stored: unknown = undefined;
    stored = addToToday(stored, { shownHidden: 5 }, at(3, 9));
    stored = addToToday(stored, { peeks: 1, shownHidden: 2 }, at(3, 13));
    stored = addToToday(stored, { snoozes: 1 }, at(3, 23));
    expect(wellbeingToday(stored, at(3, 23))).toEqual({ day: '2026-12-03', shownHidden: 7, peeks: 1, snoozes: 1 });
    // After local midnight: yesterday's figures are not today's.
    expect(wellbeingToday(stored, at(4, 0))).toEqual({ day: '2026-12-04', shownHidden: 0, peeks: 0, snoozes: 0 });
    expect(addToToday(stored, { peeks: 1 }, at(4, 8))).toEqual({
      day: '2026-12-04',
      shownHidden: 0,
      peeks: 1,
      snoozes: 0,
    });
  });

  it('treat anything malformed as zero, never as a figure', () => {
    const today = localDay(at(3, 9));
    expect(wellbeingToday({ day: today, shownHidden: -4, peeks: 1.5, snoozes: '3' }, at(3, 9))).toEqual({
      day: today,
      shownHidden: 0,
      peeks: 0,
      snoozes: 0,
    });
    expect(wellbeingToday('junk', at(3, 9)).peeks).toBe(0);
    expect(addToToday({ day: today, peeks: 2 }, { peeks: -10, shownHidden: Number.NaN }, at(3, 9))).toMatchObject({
      peeks: 2,
      shownHidden: 0,
    });
  });

  it('use the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 1).getTime())).toBe('2026-01-05');
    expect(localDay(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});
