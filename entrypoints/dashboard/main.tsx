import { render } from 'preact';
import '@/components/feedlens.css';
import '@/components/analytics.css';
import { openFeedlensDb } from '@/lib/storage/db';
import { DashboardApp } from './App';

void openFeedlensDb().then((db) =>
  render(<DashboardApp db={db} hash={location.hash} />, document.getElementById('app')!),
);
