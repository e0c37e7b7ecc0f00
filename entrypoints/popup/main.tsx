import { render } from 'preact';
import '@/components/feedlens.css';
import '@/components/analytics.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { uiLocale } from '@/lib/ui/i18n';
import { App } from './App';

// The page speaks the browser's language (screen readers pick their voice from lang).
document.documentElement.lang = uiLocale();
void openFeedlensDb().then((db) => render(<App db={db} />, document.getElementById('app')!));
