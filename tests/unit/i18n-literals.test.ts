/**
 * No English sentence written straight into a page or component: every word a user reads goes
 * through the catalogs (t(), plural()), or it stays English in German, Japanese, … This walks the
 * TypeScript syntax tree of every component and page, so generics (`Promise<void>`) and arrow
 * functions are never mistaken for markup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** Attributes a user reads or hears (screen readers speak aria-label and title). */
const SPOKEN_ATTRIBUTES = new Set(['label', 'title', 'aria-label', 'aria-description', 'placeholder', 'alt']);
/** Words that are the same in every language: the product's name, key names on a keyboard. */
const UNTRANSLATED = new Set(['Feedlens', 'Alt', 'Shift', 'Ctrl', 'F', 'CSV', 'JSON']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return componentFiles(path);
    return name.endsWith('.tsx') && !name.includes('.test.') ? [path] : [];
  });
}

/** Text with at least one word of two letters or more that is not in UNTRANSLATED; an address
 * ("mastodon.example", "ada@example.social") is the same in every language. */
const isWords = (text: string) =>
  (text.match(/\p{L}{2,}/gu) ?? []).some((word) => !UNTRANSLATED.has(word)) &&
  !/^[\w.-]+@/.test(text) &&
  !/^[\w-]+(\.[\w-]+)+$/.test(text);

function englishLiterals(name: string, code: string): string[] {
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text.trim())) found.push(node.text.trim().replace(/\s+/g, ' '));
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value.text
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
            ? value.expression.text
            : null;
      if (literal !== null && isWords(literal)) found.push(`${node.name.getText(source)}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components and pages', () => {
  const files = ['components', 'entrypoints'].flatMap((dir) => componentFiles(join(ROOT, dir)));

  it('are all checked', () => expect(files.length).toBeGreaterThan(30));

  it('are read for text and spoken attributes, not for code', () => {
    const code = `const A = (p: { n: number }): Promise<void> => <label title="Hide all" data-x="on">
      Keep posts <b>{t('x.y')}</b> — Feedlens <input aria-label={'Days'} placeholder="mastodon.example" /></label>;`;
    expect(englishLiterals('a.tsx', code)).toEqual(['title="Hide all"', 'Keep posts', 'aria-label="Days"']);
  });

  it('show no English text that is not in the catalogs', () => {
    const untranslated = files.flatMap((file) =>
      englishLiterals(file, readFileSync(file, 'utf8')).map((text) => `${relative(ROOT, file)}: ${text}`),
    );
    expect(untranslated).toEqual([]);
  });
});
