/**
 * The popup's hiding controls for the site of the current tab: the switch, a snooze while it is on,
 * what the schedule is doing, and which counts are covered.
 */
import type { PlatformAdapter } from '@/lib/platforms/types';
import { HIDE_METRICS } from '@/lib/platforms/types';
import { inSchedule, isHidingOn, nextHidingChange, withSiteHiding, type Settings } from '@/lib/settings/settings';
import { METRIC_LABELS } from './HideOptions';
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
            <summary>Counts to hide</summary>
            <div class="metric-checks">
              {HIDE_METRICS.map((metric) => (
                <label key={metric}>
                  <input
                    type="checkbox"
                    checked={settings.hide.metrics[metric]}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      props.save((s) => ({
                        ...s,
                        hide: { ...s.hide, metrics: { ...s.hide.metrics, [metric]: checked } },
                      }));
                    }}
                  />{' '}
                  {METRIC_LABELS[metric]}
                </label>
              ))}
            </div>
          </details>
        </div>
      )}
    </div>
  );
}
