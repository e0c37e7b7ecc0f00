/**
 * "In-feed badges" on the settings page: the overlay's main switch and one switch per site. Changes
 * reach open tabs without reload (the content scripts listen to the settings).
 */
import { t } from '@/lib/ui/i18n';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { OverlaySettings, Settings } from '@/lib/settings/settings';
import { Switch } from '../Switch';

export function OverlayOptions(props: { settings: Settings; save(change: (s: Settings) => Settings): void }) {
  const overlay = props.settings.overlay;
  const change = (edit: (overlay: OverlaySettings) => OverlaySettings) =>
    props.save((s) => ({ ...s, overlay: edit(s.overlay) }));
  return (
    <section aria-labelledby="overlay-heading">
      <h2 id="overlay-heading">{t('overlayOptions.title')}</h2>
      <p>{t('overlayOptions.intro')}</p>
      <Switch
        label={t('overlayOptions.title')}
        description={t('overlayOptions.mainSwitch')}
        checked={overlay.enabled}
        onChange={(on) => change((o) => ({ ...o, enabled: on }))}
      />
      <div class="grid">
        {ADAPTERS.map((adapter) => (
          <Switch
            key={adapter.id}
            label={t('overlayOptions.site', { site: adapter.name })}
            checked={overlay.sites[adapter.id]}
            disabled={!overlay.enabled}
            onChange={(on) => change((o) => ({ ...o, sites: { ...o.sites, [adapter.id]: on } }))}
          />
        ))}
      </div>
      <p class="muted">
        {props.settings.hide.hideFeedlensFigures ? t('overlayOptions.hiddenToo') : t('overlayOptions.keptToo')}
      </p>
    </section>
  );
}
