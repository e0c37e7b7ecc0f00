import { SNOOZE_MS, withSnooze, type Settings } from '@/lib/settings/settings';
import { formatClock, formatNumber } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';

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
        {t('prefs.snooze.showingUntil', { time: formatClock(until) })}{' '}
        <button type="button" class="button" onClick={() => props.save((s) => withSnooze(s, 0))}>
          {t('prefs.snooze.hideNow')}
        </button>
      </p>
    );
  }
  return (
    <button type="button" class="button" onClick={() => props.save((s) => withSnooze(s, Date.now() + SNOOZE_MS))}>
      {t('prefs.snooze.showFor', { minutes: formatNumber(SNOOZE_MS / 60_000) })}
    </button>
  );
}
