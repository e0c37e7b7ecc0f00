// Unit tests run against an in-memory IndexedDB; each test file starts with an empty one.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCatalog } from './catalogs';

// Components speak through browser.i18n: answer from the English catalog, as Chrome does in English.
const english = await loadCatalog('en');
fakeBrowser.i18n.getMessage = (key: string) => english.get(key) ?? '';
fakeBrowser.i18n.getUILanguage = () => 'en';
