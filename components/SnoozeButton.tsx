import { SNOOZE_MS, withSnooze, type Settings } from '@/lib/settings/settings';

const clock = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Show for 15 minutes": counts come back by themselves, hidden again when the time is up. */
export function SnoozeButton(props: {
  settings: Settings;
  now: number;
  save(change: (s: Settings) => Settings): void;
}) {
  const until = props.settings.hide.snoozeUntil;
  if (until > props.now) {
    return (
      <p class="snooze" role="status">
        Counts are showing until {clock(until)}.{' '}
        <button type="button" class="button" onClick={() => props.save((s) => withSnooze(s, 0))}>
          Hide now
        </button>
      </p>
    );
  }
  return (
    <button type="button" class="button" onClick={() => props.save((s) => withSnooze(s, Date.now() + SNOOZE_MS))}>
      Show for 15 minutes
    </button>
  );
}
