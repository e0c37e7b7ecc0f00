/**
 * "In-feed badges" on the settings page: the overlay's main switch and one switch per site. Changes
 * reach open tabs without reload (the content scripts listen to the settings).
 */
import { ADAPTERS } from '@/lib/platforms/registry';
import type { OverlaySettings, Settings } from '@/lib/settings/settings';
import { Switch } from '../Switch';

export function OverlayOptions(props: { settings: Settings; save(change: (s: Settings) => Settings): void }) {
  const overlay = props.settings.overlay;
  const change = (edit: (overlay: OverlaySettings) => OverlaySettings) =>
    props.save((s) => ({ ...s, overlay: edit(s.overlay) }));
  return (
    <section aria-labelledby="overlay-heading">
      <h2 id="overlay-heading">In-feed badges</h2>
      <p>
        A small badge beside each post you scroll past shows how it is doing: its engagement rate (or the rate that fits
        the site) and how it compares with the author’s usual. Click it, or press Enter on it, for the ratios, their
        formulas and the post’s counts over time. Badges never move or cover the site’s buttons.
      </p>
      <Switch
        label="In-feed badges"
        description="The main switch; your per-site choices are kept."
        checked={overlay.enabled}
        onChange={(on) => change((o) => ({ ...o, enabled: on }))}
      />
      <div class="grid">
        {ADAPTERS.map((adapter) => (
          <Switch
            key={adapter.id}
            label={`Badges on ${adapter.name}`}
            checked={overlay.sites[adapter.id]}
            disabled={!overlay.enabled}
            onChange={(on) => change((o) => ({ ...o, sites: { ...o.sites, [adapter.id]: on } }))}
          />
        ))}
      </div>
      <p class="muted">
        {props.settings.hide.hideFeedlensFigures
          ? 'Where you hide like counts, badges are hidden too (see “Hide Feedlens’s own numbers too” above).'
          : 'Badges stay where you hide like counts, because you chose to keep Feedlens’s own numbers.'}
      </p>
    </section>
  );
}
