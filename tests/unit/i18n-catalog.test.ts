/**
 * Every word Feedlens shows comes from locales/<lang>.yml: a key used in the code must be in the
 * English catalog (the fallback for every language), and each language must have exactly the
 * English keys with the same placeholders, and the plural forms its own grammar needs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadCatalog } from './catalogs';

const ROOT = join(import.meta.dirname, '../..');
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const pluralGroup = (key: string) => /^(.+)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
/** "de" → "de", "pt_BR" → "pt-BR": the language's BCP 47 tag, for its plural rules. */
const tag = (language: string) => language.replace('_', '-');

describe('the message catalogs', async () => {
  const english = await loadCatalog('en');
  const groups = new Set([...english.keys()].map((key) => key.split('_')[0]!));
  const pluralGroups = new Set([...english.keys()].filter((k) => k.endsWith('_other')).map((k) => pluralGroup(k)!));

  it('hold every key the pages, components and lib use', () => {
    // Any quoted "group.key" of a catalog group ('card.title', 'ages.6h'), in t(), plural() or a map.
    const quoted = new RegExp(`'((?:${[...groups].join('|')})\\.[\\w.]+)'`, 'g');
    const missing: string[] = [];
    let used = 0;
    for (const file of ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const [, key] of code.matchAll(quoted)) {
        used++;
        const name = key!.replaceAll('.', '_');
        if (!english.has(name) && !pluralGroups.has(name)) missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    expect(used).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('include the languages Feedlens ships', () => {
    expect(LANGUAGES).toEqual(['de', 'en', 'es', 'fr', 'ja', 'nb', 'pt_BR']);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every English message, no other, with the same placeholders',
    async (language) => {
      const catalog = await loadCatalog(language);
      const categories = new Intl.PluralRules(tag(language)).resolvedOptions().pluralCategories;
      const expected = new Set<string>();
      for (const key of english.keys()) {
        const group = pluralGroup(key);
        if (group && pluralGroups.has(group)) {
          // The forms this language's grammar has; "many" may fall back to "other" (French 1 000 000).
          for (const category of CATEGORIES)
            if (categories.includes(category) && category !== 'many') expected.add(`${group}_${category}`);
        } else expected.add(key);
      }
      const allowed = (key: string) => {
        const group = pluralGroup(key);
        return (
          expected.has(key) ||
          (!!group &&
            pluralGroups.has(group) &&
            categories.includes(key.slice(group.length + 1) as Intl.LDMLPluralRule))
        );
      };
      expect(
        [...expected].filter((key) => !catalog.has(key)),
        'missing',
      ).toEqual([]);
      expect(
        [...catalog.keys()].filter((key) => !allowed(key)),
        'not in English',
      ).toEqual([]);

      const mismatched = [...catalog].filter(([key, text]) => {
        const group = pluralGroup(key);
        if (group && pluralGroups.has(group)) {
          // A singular form may spell the number out ("ein Beitrag"): all but {count} must match.
          const others = (t: string) => placeholders(t).filter((p) => p !== 'count');
          return others(text).join() !== others(english.get(`${group}_other`)!).join();
        }
        return placeholders(text).join() !== placeholders(english.get(key)!).join();
      });
      expect(
        mismatched.map(([key]) => key),
        'placeholders differ',
      ).toEqual([]);
      expect(
        [...catalog].filter(([, text]) => !text.trim()).map(([key]) => key),
        'empty',
      ).toEqual([]);
    },
  );

  it('give English one and other for each plural', () => {
    for (const group of pluralGroups) expect([english.has(`${group}_one`), group]).toEqual([true, group]);
  });
});
