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
        <SnoozeButton settings={props.settings} now={props.now} save={props.save} /> Keyboard shortcut on any supported
        site: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd> (change it at chrome://extensions/shortcuts).
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
      <h3>How counts show</h3>
      <p>
        While hiding is on for a site: the exact number, a coarse 0 / 1 / 1+ in its place, or nothing.{' '}
        <label>
          Site{' '}
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
      <h3>Feedlens off</h3>
      <p>On these sites nothing is read, stored, shown or hidden.</p>
      <div class="grid">
        {ADAPTERS.map((adapter) => (
          <Switch
            key={adapter.id}
            label={`Off on ${adapter.name}`}
            checked={props.settings.offSites[adapter.id]}
            onChange={(off) => props.save((s) => withSiteOff(s, adapter.id, off))}
          />
        ))}
      </div>
      <h3>{t('hideOptions.when')}</h3>
      <Switch
        label="Only at certain times"
        description="Hide during the hours and days below; outside them counts show."
        checked={hide.schedule.enabled}
        onChange={(on) => change((h) => ({ ...h, schedule: { ...h.schedule, enabled: on } }))}
      />
      <ScheduleEditor schedule={hide.schedule} onChange={(schedule) => change((h) => ({ ...h, schedule }))} />
      <Switch
        label="Peek on hover"
        description="Hovering or focusing one post shows its counts; the rest stay hidden."
        checked={hide.peek}
        onChange={(on) => change((h) => ({ ...h, peek: on }))}
      />
      <Switch
        label="Show counts on my own posts"
        description={
          ownNamed
            ? 'Posts by the accounts you named under "Your accounts" keep their counts.'
            : 'Name your accounts under "Your accounts" below for this to apply.'
        }
        checked={hide.showOwnPosts}
        onChange={(on) => change((h) => ({ ...h, showOwnPosts: on }))}
      />
      <Switch
        label="Hide Feedlens’s own numbers too"
        description="Where counts are hidden, the overlay and popup show no figures either."
        checked={hide.hideFeedlensFigures}
        onChange={(on) => change((h) => ({ ...h, hideFeedlensFigures: on }))}
      />
      <Switch
        label="Keep reading while counts are hidden"
        description="Posts are still read and stored locally, for your history and comparisons."
        checked={hide.keepReading}
        onChange={(on) => change((h) => ({ ...h, keepReading: on }))}
      />
    </section>
  );
}
