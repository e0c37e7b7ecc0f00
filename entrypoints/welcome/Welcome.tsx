/**
 * The page that opens on install: the two ways to use Feedlens, the sites it reads, and what stays
 * on the machine. Nothing is switched on here: hiding starts off, and each choice is the user's.
 */
import { ADAPTERS } from '@/lib/platforms/registry';
import { formatList } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';

export function Welcome() {
  document.title = t('welcome.pageTitle');
  return (
    <main class="options welcome">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <section aria-labelledby="welcome-see">
        <h2 id="welcome-see">{t('welcome.see.title')}</h2>
        <p>{t('welcome.see.body')}</p>
        <p>
          <a href="/dashboard.html">{t('welcome.see.action')}</a>
        </p>
      </section>
      <section aria-labelledby="welcome-hide">
        <h2 id="welcome-hide">{t('welcome.hide.title')}</h2>
        <p>{t('welcome.hide.body')}</p>
        <p>
          <a href="/options.html">{t('welcome.hide.action')}</a>
        </p>
      </section>
      <section aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcome.sites.title')}</h2>
        <p>{t('welcome.sites.body', { sites: formatList(ADAPTERS.map((adapter) => adapter.name)) })}</p>
      </section>
      <section aria-labelledby="welcome-local">
        <h2 id="welcome-local">{t('welcome.local.title')}</h2>
        <p>{t('welcome.local.body')}</p>
      </section>
    </main>
  );
}
