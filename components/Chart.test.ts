import { describe, expect, it } from 'vitest';
import { lastValueIndex } from './Chart';

describe('the chart legend', () => {
  it('shows the last point that has a value in any series', () => {
    expect(
      lastValueIndex([
        [1, 2, 3, 4],
        [5, 6, null, null],
        [null, 7, 8, null],
      ]),
    ).toBe(2);
    expect(
      lastValueIndex([
        [1, 2],
        [null, null],
      ]),
    ).toBeNull();
    expect(lastValueIndex([[]])).toBeNull();
  });
});
