/**
 * How each count shows on one site while hiding is in effect there: exact, coarse (0 / 1 / 1+)
 * or hidden, and "Hide until I act". Used by the popup (the current tab's site) and the settings page (a chosen site).
 */
import type { PlatformId } from '@/lib/model';
import { HIDE_METRICS, type HideMetric } from '@/lib/platforms/types';
import type { DisplayMode } from '@/lib/settings/modes';
import { withMode, withUntilActed, type Settings } from '@/lib/settings/settings';
import { t, type MessageKey } from '@/lib/ui/i18n';
import { Switch } from './Switch';

const METRIC_LABELS: Record<HideMetric, MessageKey> = {
  likes: 'prefs.modes.likes',
  reposts: 'prefs.modes.reposts',
  replies: 'prefs.modes.replies',
  views: 'prefs.modes.views',
  bookmarks: 'prefs.modes.bookmarks',
  followers: 'prefs.modes.followers',
  notifications: 'prefs.modes.notifications',
};

const MODE_LABELS: Record<DisplayMode, MessageKey> = {
  exact: 'prefs.modes.exact',
  coarse: 'prefs.modes.coarse',
  hidden: 'prefs.modes.hidden',
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
          <span>{t(METRIC_LABELS[metric])}</span>
          <select
            value={modes[metric]}
            onChange={(e) => {
              const mode = e.currentTarget.value as DisplayMode;
              props.save((s) => withMode(s, props.platform, metric, mode));
            }}
          >
            {(Object.keys(MODE_LABELS) as DisplayMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {t(MODE_LABELS[mode])}
              </option>
            ))}
          </select>
        </label>
      ))}
      <Switch
        label={t('prefs.modes.untilActed')}
        description={t('prefs.modes.untilActedDescription')}
        checked={props.settings.hide.untilActed[props.platform]}
        onChange={(on) => props.save((s) => withUntilActed(s, props.platform, on))}
      />
    </div>
  );
}
