/** The settings page's "Sites" section: every site's status as the background last heard it. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HEALTH_KEY, loadHealth, type HealthBySite } from '@/lib/background/status-store';
import { ADAPTERS } from '@/lib/platforms/registry';
import { t } from '@/lib/ui/i18n';
import { SiteStatusList } from './SiteStatus';

export function SiteStatusSection() {
  const [health, setHealth] = useState<HealthBySite | null>(null);
  useEffect(() => {
    void loadHealth().then(setHealth);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && HEALTH_KEY in changes) void loadHealth().then(setHealth);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('hideOptions.sites')}</h2>
      <p>{t('prefs.status.intro')}</p>
      {health && (
        <SiteStatusList
          sites={ADAPTERS}
          health={health}
          version={browser.runtime.getManifest().version}
          browser={navigator.userAgent}
        />
      )}
    </section>
  );
}
