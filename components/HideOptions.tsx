/**
 * Every hiding control, for the settings page: the main switch, per-site switches, how each count
 * shows per site, the sites where Feedlens is off,
 * peeking, the snooze, a schedule, the own-posts exception, and the wellbeing choices.
 */
import { useState } from 'preact/hooks';
import type { PlatformId } from '@/lib/model';
import { ADAPTERS } from '@/lib/platforms/registry';
import { withSiteHiding, withSiteOff, type HideSettings, type Settings } from '@/lib/settings/settings';
import { t } from '@/lib/ui/i18n';
import { MetricModes } from './MetricModes';
import { ScheduleEditor } from './ScheduleEditor';
import { SnoozeButton } from './SnoozeButton';
import { Switch } from './Switch';

export function HideOptions(props: { settings: Settings; now: number; save(change: (s: Settings) => Settings): void }) {
  const hide = props.settings.hide;
  const change = (edit: (hide: HideSettings) => HideSettings) => props.save((s) => ({ ...s, hide: edit(s.hide) }));
  const [modesSite, setModesSite] = useState<PlatformId>('x');
  const ownNamed = Object.values(props.settings.accounts).some((list) => list.length > 0);
  // The keys are markup, so the sentence is split around them; a language may put them anywhere.
  const [shortcutBefore, shortcutAfter = ''] = t('prefs.hide.shortcut').split('{keys}');
  return (
    <section aria-labelledby="hide-heading">
      <h2 id="hide-heading">{t('hideOptions.title')}</h2>
      <Switch
        label={t('hideOptions.main')}
        description={t('hideOptions.mainDescription')}
        checked={hide.enabled}
        onChange={(on) => change((h) => ({ ...h, enabled: on }))}
      />
      <p>
        <SnoozeButton settings={props.settings} now={props.now} save={props.save} /> {shortcutBefore}
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>
        {shortcutAfter}
      </p>
      <h3>{t('hideOptions.sites')}</h3>
      <div class="grid">
        {ADAPTERS.map((adapter) => (
          <Switch
            key={adapter.id}
            label={adapter.name}
            checked={hide.sites[adapter.id]}
            onChange={(on) => props.save((s) => withSiteHiding(s, adapter.id, on))}
          />
        ))}
      </div>
      <h3>{t('prefs.hide.howCounts')}</h3>
      <p>
        {t('prefs.hide.howCountsIntro')}{' '}
        <label>
          {t('options.accounts.site')}{' '}
          <select value={modesSite} onChange={(e) => setModesSite(e.currentTarget.value as PlatformId)}>
            {ADAPTERS.map((adapter) => (
              <option key={adapter.id} value={adapter.id}>
                {adapter.name}
              </option>
            ))}
          </select>
        </label>
      </p>
      <MetricModes platform={modesSite} settings={props.settings} save={props.save} />
      <h3>{t('prefs.hide.offTitle')}</h3>
      <p>{t('prefs.hide.offIntro')}</p>
      <div class="grid">
        {ADAPTERS.map((adapter) => (
          <Switch
            key={adapter.id}
            label={t('prefs.hide.offOn', { site: adapter.name })}
            checked={props.settings.offSites[adapter.id]}
            onChange={(off) => props.save((s) => withSiteOff(s, adapter.id, off))}
          />
        ))}
      </div>
      <h3>{t('hideOptions.when')}</h3>
      <Switch
        label={t('prefs.hide.schedule')}
        description={t('prefs.hide.scheduleDescription')}
        checked={hide.schedule.enabled}
        onChange={(on) => change((h) => ({ ...h, schedule: { ...h.schedule, enabled: on } }))}
      />
      <ScheduleEditor schedule={hide.schedule} onChange={(schedule) => change((h) => ({ ...h, schedule }))} />
      <Switch
        label={t('prefs.hide.peek')}
        description={t('prefs.hide.peekDescription')}
        checked={hide.peek}
        onChange={(on) => change((h) => ({ ...h, peek: on }))}
      />
      <Switch
        label={t('prefs.hide.ownPosts')}
        description={t(ownNamed ? 'prefs.hide.ownPostsNamed' : 'prefs.hide.ownPostsUnnamed')}
        checked={hide.showOwnPosts}
        onChange={(on) => change((h) => ({ ...h, showOwnPosts: on }))}
      />
      <Switch
        label={t('prefs.hide.ownFigures')}
        description={t('prefs.hide.ownFiguresDescription')}
        checked={hide.hideFeedlensFigures}
        onChange={(on) => change((h) => ({ ...h, hideFeedlensFigures: on }))}
      />
      <Switch
        label={t('prefs.hide.keepReading')}
        description={t('prefs.hide.keepReadingDescription')}
        checked={hide.keepReading}
        onChange={(on) => change((h) => ({ ...h, keepReading: on }))}
      />
    </section>
  );
}
