import { render } from 'preact';
import '@/components/feedlens.css';
import { uiLocale } from '@/lib/ui/i18n';
import { Welcome } from './Welcome';

document.documentElement.lang = uiLocale();
render(<Welcome />, document.getElementById('app')!);
