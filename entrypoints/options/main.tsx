import { render } from 'preact';
import '@/components/feedlens.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { OptionsApp } from './App';

void openFeedlensDb().then((db) => render(<OptionsApp db={db} />, document.getElementById('app')!));
