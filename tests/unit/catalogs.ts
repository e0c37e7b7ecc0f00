/**
 * The message catalogs as the browser receives them (locales/<lang>.yml through @wxt-dev/i18n's
 * own build step), for unit tests: the setup answers `browser.i18n.getMessage` from them and the
 * catalog test compares them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES_DIR = join(import.meta.dirname, '../../locales');

/** Language file names: "en", "pt_BR", … */
export const LANGUAGES = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace(/\.yml$/, ''))
  .sort();

/** One language's messages by browser key ("popup_title" → text). */
export async function loadCatalog(language: string): Promise<Map<string, string>> {
  const messages = generateChromeMessages(await parseMessagesFile(join(LOCALES_DIR, `${language}.yml`)));
  return new Map(Object.entries(messages).map(([key, value]) => [key, value.message]));
}
