/** The settings page's "Sites" section: every site's status as the background last heard it. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HEALTH_KEY, loadHealth, type HealthBySite } from '@/lib/background/status-store';
import { ADAPTERS } from '@/lib/platforms/registry';
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
      <h2 id="sites-heading">Sites</h2>
      <p>
        Whether Feedlens is reading each site. When a site changes its markup, Feedlens pauses there rather than store
        wrong numbers, and says so here; “Copy report” gives you the details for a bug report (selectors and raw count
        text only: no post text, authors or addresses).
      </p>
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
