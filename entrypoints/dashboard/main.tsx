import { render } from 'preact';
import '@/components/feedlens.css';
import '@/components/analytics.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { t, uiLocale } from '@/lib/ui/i18n';
import { DashboardApp } from './App';

// The page speaks the browser's language (screen readers pick their voice from lang).
document.documentElement.lang = uiLocale();
document.title = t('dash.title');
void openFeedlensDb().then((db) =>
  render(<DashboardApp db={db} hash={location.hash} />, document.getElementById('app')!),
);
