import { render } from 'preact';
import '@/components/feedlens.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { t, uiLocale } from '@/lib/ui/i18n';
import { OptionsApp } from './App';

document.documentElement.lang = uiLocale();
document.title = t('options.title');

void openFeedlensDb().then((db) => render(<OptionsApp db={db} />, document.getElementById('app')!));
