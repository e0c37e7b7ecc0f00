/**
 * Every hiding control, for the settings page: the main switch, per-site and per-metric switches,
 * peeking, the snooze, a schedule, the own-posts exception, and the wellbeing choices.
 */
import { t } from '@/lib/ui/i18n';
import { ADAPTERS } from '@/lib/platforms/registry';
import { HIDE_METRICS, type HideMetric } from '@/lib/platforms/types';
import { withSiteHiding, type HideSettings, type Settings } from '@/lib/settings/settings';
import { ScheduleEditor } from './ScheduleEditor';
import { SnoozeButton } from './SnoozeButton';
import { Switch } from './Switch';

export const METRIC_LABELS: Record<HideMetric, string> = {
  likes: 'Likes and reactions',
  reposts: 'Reposts, shares and quotes',
  replies: 'Replies and comments',
  views: 'Views and plays',
  bookmarks: 'Bookmarks and saves',
  followers: 'Follower and following counts',
};

export function HideOptions(props: { settings: Settings; now: number; save(change: (s: Settings) => Settings): void }) {
  const hide = props.settings.hide;
  const change = (edit: (hide: HideSettings) => HideSettings) => props.save((s) => ({ ...s, hide: edit(s.hide) }));
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
      <h3>{t('hideOptions.metrics')}</h3>
      <div class="grid">
        {HIDE_METRICS.map((metric) => (
          <Switch
            key={metric}
            label={METRIC_LABELS[metric]}
            checked={hide.metrics[metric]}
            onChange={(on) => change((h) => ({ ...h, metrics: { ...h.metrics, [metric]: on } }))}
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
