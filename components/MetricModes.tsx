/**
 * How each count shows on one site while hiding is in effect there: exact, coarse (0 / 1 / 1+)
 * or hidden, and "Hide until I act". Used by the popup (the current tab's site) and the settings page (a chosen site).
 */
import type { PlatformId } from '@/lib/model';
import { HIDE_METRICS, type HideMetric } from '@/lib/platforms/types';
import type { DisplayMode } from '@/lib/settings/modes';
import { withMode, withUntilActed, type Settings } from '@/lib/settings/settings';
import { Switch } from './Switch';

export const METRIC_LABELS: Record<HideMetric, string> = {
  likes: 'Likes and reactions',
  reposts: 'Reposts, shares and quotes',
  replies: 'Replies and comments',
  views: 'Views and plays',
  bookmarks: 'Bookmarks and saves',
  followers: 'Follower and following counts',
  notifications: 'Notification counts',
};

const MODE_LABELS: Record<DisplayMode, string> = {
  exact: 'Exact',
  coarse: '0 / 1 / 1+',
  hidden: 'Hidden',
};

export function MetricModes(props: {
  platform: PlatformId;
  settings: Settings;
  save(change: (s: Settings) => Settings): void;
}) {
  const modes = props.settings.hide.modes[props.platform];
  return (
    <div class="metric-modes">
      {HIDE_METRICS.map((metric) => (
        <label key={metric}>
          <span>{METRIC_LABELS[metric]}</span>
          <select
            value={modes[metric]}
            onChange={(e) => {
              const mode = e.currentTarget.value as DisplayMode;
              props.save((s) => withMode(s, props.platform, metric, mode));
            }}
          >
            {(Object.keys(MODE_LABELS) as DisplayMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <Switch
        label="Hide until I act"
        description="A post's counts show once you like, repost or vote on it."
        checked={props.settings.hide.untilActed[props.platform]}
        onChange={(on) => props.save((s) => withUntilActed(s, props.platform, on))}
      />
    </div>
  );
}
