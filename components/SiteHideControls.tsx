/**
 * The popup's hiding controls for the site of the current tab: the switch, a snooze while it is on,
 * what the schedule is doing, and how each count shows; and "Feedlens off here", which switches
 * everything off on the site.
 */
import type { PlatformAdapter } from '@/lib/platforms/types';
import {
  inSchedule,
  isHidingOn,
  isSiteOff,
  nextHidingChange,
  withSiteHiding,
  withSiteOff,
  type Settings,
} from '@/lib/settings/settings';
import { formatClock } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { MetricModes } from './MetricModes';
import { SnoozeButton } from './SnoozeButton';
import { Switch } from './Switch';

export function SiteHideControls(props: {
  adapter: Pick<PlatformAdapter, 'id' | 'name'>;
  settings: Settings | null;
  now: number;
  save(change: (s: Settings) => Settings): void;
}) {
  const { adapter, settings, now } = props;
  const on = settings ? isHidingOn(settings, adapter.id) : false;
  const outside = !!settings && on && !inSchedule(settings.hide.schedule, now);
  const next = settings && outside ? nextHidingChange(settings, now) : null;
  const off = !!settings && isSiteOff(settings, adapter.id);
  const offSwitch = (
    <Switch
      label={t('prefs.siteHide.offHere')}
      description={t(off ? 'prefs.siteHide.offHereOn' : 'prefs.siteHide.offHereStop', { site: adapter.name })}
      checked={off}
      disabled={!settings}
      onChange={(value) => props.save((s) => withSiteOff(s, adapter.id, value))}
    />
  );
  if (off) return <div class="site-hide">{offSwitch}</div>;
  return (
    <div class="site-hide">
      <Switch
        label={t('hideOptions.title')}
        description={t(on ? 'prefs.siteHide.hidingOn' : 'prefs.siteHide.hidingOff', { site: adapter.name })}
        checked={on}
        disabled={!settings}
        onChange={(value) => props.save((s) => withSiteHiding(s, adapter.id, value))}
      />
      {settings && on && (
        <div class="site-hide-details">
          {outside ? (
            <p class="muted" role="status">
              {next ? t('prefs.siteHide.outsideUntil', { time: formatClock(next) }) : t('prefs.siteHide.outside')}
            </p>
          ) : (
            <SnoozeButton settings={settings} now={now} save={props.save} />
          )}
          <details>
            <summary>{t('prefs.siteHide.howHere')}</summary>
            <MetricModes platform={adapter.id} settings={settings} save={props.save} />
          </details>
        </div>
      )}
      {offSwitch}
    </div>
  );
}
