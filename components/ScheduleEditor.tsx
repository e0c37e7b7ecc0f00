import type { HideSchedule } from '@/lib/settings/settings';
import { t, uiLocale } from '@/lib/ui/i18n';

/** "Sun" … "Sat" in the UI language, Sunday first as in `HideSchedule.days` (22 Nov 2026 is a Sunday). */
const dayNames = (locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  return [0, 1, 2, 3, 4, 5, 6].map((day) => format.format(new Date(2026, 10, 22 + day)));
};
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromTime = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return Number.isInteger(h) && Number.isInteger(m) ? h! * 60 + m! : null;
};

/** Hide only during chosen hours on chosen days; a window may run past midnight. */
export function ScheduleEditor(props: { schedule: HideSchedule; onChange(schedule: HideSchedule): void }) {
  const { schedule } = props;
  const names = dayNames(uiLocale());
  const set = (patch: Partial<HideSchedule>) => props.onChange({ ...schedule, ...patch });
  return (
    <fieldset class="schedule" disabled={!schedule.enabled}>
      <legend class="visually-hidden">{t('prefs.schedule.legend')}</legend>
      <div class="days" role="group" aria-label={t('prefs.schedule.days')}>
        {names.map((name, day) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={schedule.days.includes(day)}
              onChange={(e) =>
                set({
                  days: e.currentTarget.checked
                    ? [...schedule.days, day].sort()
                    : schedule.days.filter((d) => d !== day),
                })
              }
            />{' '}
            {name}
          </label>
        ))}
      </div>
      <label>
        {t('prefs.schedule.from')}{' '}
        <input
          type="time"
          value={toTime(schedule.from)}
          onChange={(e) => fromTime(e.currentTarget.value) !== null && set({ from: fromTime(e.currentTarget.value)! })}
        />
      </label>{' '}
      <label>
        {t('prefs.schedule.to')}{' '}
        <input
          type="time"
          value={toTime(schedule.to)}
          onChange={(e) => fromTime(e.currentTarget.value) !== null && set({ to: fromTime(e.currentTarget.value)! })}
        />
      </label>
    </fieldset>
  );
}
