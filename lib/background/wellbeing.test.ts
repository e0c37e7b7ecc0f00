import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, withSnooze } from '../settings/settings';
import { WELLBEING_KEY } from '../wellbeing/today';
import { createWellbeingRecorder, type WellbeingStorage } from './wellbeing';

const NOW = new Date(2026, 11, 3, 10, 0).getTime();

function memory(): WellbeingStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (values) => void Object.assign(items, values),
  };
}

describe('today’s wellbeing figures in the background', () => {
  it('add up what many tabs report at once, none lost to another’s write', async () => {
    const storage = memory();
    const recorder = createWellbeingRecorder(storage, 0, () => NOW);
    for (let i = 0; i < 20; i++) recorder.report({ type: 'wellbeing', shownHidden: 3, peeks: i % 2 });
    await recorder.flushed();
    expect(storage.items[WELLBEING_KEY]).toEqual({ day: '2026-12-03', shownHidden: 60, peeks: 10, snoozes: 0 });
  });

  it('ignore reports that are not believable', async () => {
    const storage = memory();
    const recorder = createWellbeingRecorder(storage, 0, () => NOW);
    for (const message of [
      { type: 'wellbeing', shownHidden: -1, peeks: 0 },
      { type: 'wellbeing', shownHidden: 1e9, peeks: 0 },
      { type: 'wellbeing', shownHidden: 1.5, peeks: 0 },
      { type: 'wellbeing', shownHidden: '2', peeks: 0 },
      { type: 'wellbeing', shownHidden: 0, peeks: 0 },
      { type: 'readings', shownHidden: 2, peeks: 0 },
      null,
    ])
      recorder.report(message);
    await recorder.flushed();
    expect(storage.items[WELLBEING_KEY]).toBeUndefined();
  });

  it('count a snooze each time a new one starts, not when it ends or is cancelled', async () => {
    const storage = memory();
    const recorder = createWellbeingRecorder(storage, 0, () => NOW);
    const settings = defaultSettings();
    recorder.settingsChanged(withSnooze(settings, NOW + 15 * 60_000));
    // The same snooze seen again (another settings change while it runs): not a new one.
    recorder.settingsChanged(withSnooze(settings, NOW + 15 * 60_000));
    recorder.settingsChanged(withSnooze(settings, 0));
    recorder.settingsChanged(withSnooze(settings, NOW + 30 * 60_000));
    await recorder.flushed();
    expect(storage.items[WELLBEING_KEY]).toMatchObject({ snoozes: 2 });
  });

  it('do not count a snooze already running when the background starts', async () => {
    const storage = memory();
    const recorder = createWellbeingRecorder(storage, Number.POSITIVE_INFINITY, () => NOW);
    recorder.settingsChanged(withSnooze(defaultSettings(), NOW + 60_000));
    await recorder.flushed();
    expect(storage.items[WELLBEING_KEY]).toBeUndefined();
  });

  it('lose only the figure, with a message, when storage refuses the write', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = memory();
    storage.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const recorder = createWellbeingRecorder(storage, 0, () => NOW);
    recorder.report({ type: 'wellbeing', shownHidden: 1, peeks: 0 });
    await recorder.flushed();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
