import { t } from '@/lib/ui/i18n';
import { useEffect, useState } from 'preact/hooks';
import { HideOptions } from '@/components/HideOptions';
import { MastodonServers } from '@/components/MastodonServers';
import { OverlayOptions } from '@/components/overlay/OverlayOptions';
import { PeopleForm } from '@/components/PeopleForm';
import { SiteStatusSection } from '@/components/SiteStatusSection';
import { YourData } from '@/components/YourData';
import type { PlatformId } from '@/lib/model';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '@/lib/settings/store';
import type { FeedlensDatabase } from '@/lib/storage/db';

/** Re-renders every `ms` so times shown ("showing until 14:32") stay true. */
function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function OptionsApp(props: { db: FeedlensDatabase }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [platform, setPlatform] = useState<PlatformId>('x');
  const now = useNow(15_000);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return <main class="options" aria-busy="true" />;
  const save = (change: (s: Settings) => Settings) => updateSettings(change);
  const name = ADAPTERS.find((a) => a.id === platform)?.name ?? platform;

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <HideOptions settings={settings} now={now} save={(change) => void save(change)} />
      <OverlayOptions settings={settings} save={(change) => void save(change)} />
      <SiteStatusSection />
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('options.accounts.title')}</h2>
        <p>{t('options.accounts.intro')}</p>
        <label>
          {t('options.accounts.site')}{' '}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as PlatformId)}>
            {ADAPTERS.map((adapter) => (
              <option key={adapter.id} value={adapter.id}>
                {adapter.name}
              </option>
            ))}
          </select>
        </label>
        <PeopleForm platform={platform} platformName={name} settings={settings} save={save} />
      </section>
      <MastodonServers />
      <YourData db={props.db} settings={settings} save={save} />
    </main>
  );
}
