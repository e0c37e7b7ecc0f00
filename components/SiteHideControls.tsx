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
import { MetricModes } from './MetricModes';
import { SnoozeButton } from './SnoozeButton';
import { Switch } from './Switch';

const clock = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

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
      label="Feedlens off here"
      description={
        off ? `Nothing is read, stored, shown or hidden on ${adapter.name}.` : `Stop everything on ${adapter.name}.`
      }
      checked={off}
      disabled={!settings}
      onChange={(value) => props.save((s) => withSiteOff(s, adapter.id, value))}
    />
  );
  if (off) return <div class="site-hide">{offSwitch}</div>;
  return (
    <div class="site-hide">
      <Switch
        label="Hide like counts"
        description={
          on
            ? `Counts are hidden on ${adapter.name}; every button keeps working.`
            : `Hide the numbers on ${adapter.name} before they are painted; every button keeps working.`
        }
        checked={on}
        disabled={!settings}
        onChange={(value) => props.save((s) => withSiteHiding(s, adapter.id, value))}
      />
      {settings && on && (
        <div class="site-hide-details">
          {outside ? (
            <p class="muted" role="status">
              Outside your hiding hours: counts show{next ? ` until ${clock(next)}` : ''}.
            </p>
          ) : (
            <SnoozeButton settings={settings} now={now} save={props.save} />
          )}
          <details>
            <summary>How counts show here</summary>
            <MetricModes platform={adapter.id} settings={settings} save={props.save} />
          </details>
        </div>
      )}
      {offSwitch}
    </div>
  );
}
