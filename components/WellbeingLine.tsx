/**
 * The popup's wellbeing line: "Today: 12 posts shown without their counts · 2 peeks · 1 snooze".
 * Shown once there is something to say today; kept on this machine only (lib/wellbeing/today.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { plural, t } from '@/lib/ui/i18n';
import { WELLBEING_KEY, wellbeingToday, type WellbeingDay } from '@/lib/wellbeing/today';

export function WellbeingLine(props: { now: () => number }) {
  const [today, setToday] = useState<WellbeingDay | null>(null);
  useEffect(() => {
    const load = () =>
      browser.storage.local
        .get(WELLBEING_KEY)
        .then((stored) => setToday(wellbeingToday(stored[WELLBEING_KEY], props.now())))
        .catch(() => setToday(null));
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && WELLBEING_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!today) return null;
  const figures = [
    today.shownHidden > 0 && plural('wellbeing.shown', today.shownHidden),
    today.peeks > 0 && plural('wellbeing.peeks', today.peeks),
    today.snoozes > 0 && plural('wellbeing.snoozes', today.snoozes),
  ].filter((figure): figure is string => !!figure);
  if (figures.length === 0) return null;
  return (
    <p class="wellbeing muted" title={t('wellbeing.local')}>
      {t('wellbeing.today', { figures: figures.join(' · ') })}
    </p>
  );
}
