/**
 * Comments and the README explain a choice by pointing at the file that holds it
 * ("see lib/settings/mastodon-instances.ts"). When a file moves, such a pointer silently leads
 * nowhere (three did after lib/ was arranged in folders); this test names every one that does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['lib', 'components', 'entrypoints', 'tests', 'README.md', 'wxt.config.ts', 'stryker.config.mjs'];
const SKIP = new Set(['node_modules', 'fixtures', '.output', '.wxt']);
/** A project path as prose cites it: a folder of the project, then a file with a source extension. */
const CITED = /\b(?:lib|components|entrypoints|tests)\/[\w./-]*?\.(?:tsx?|mjs|css|md)\b/g;

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => files(join(path, name)));
}

describe('paths cited in comments and the README', () => {
  it('all lead to a file that exists', () => {
    const broken: string[] = [];
    for (const file of ROOTS.flatMap(files).filter((f) => /\.(tsx?|mjs|md)$/.test(f))) {
      for (const cited of new Set(readFileSync(file, 'utf8').match(CITED) ?? [])) {
        // `lib/platforms/<id>.ts` and globs describe a pattern, not one file.
        if (/[<*{]/.test(cited) || existsSync(cited)) continue;
        broken.push(`${file}: ${cited}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
