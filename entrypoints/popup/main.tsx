import { render } from 'preact';
import '@/components/feedlens.css';
import '@/components/analytics.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { App } from './App';

void openFeedlensDb().then((db) => render(<App db={db} />, document.getElementById('app')!));
