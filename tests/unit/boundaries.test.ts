/**
 * The architecture's rules, checked on every run from the import statements themselves (type-only
 * imports included: a type cycle is still a cycle a reader has to untangle):
 * - `lib/` never imports `components/` or `entrypoints/` (logic does not depend on UI or wiring);
 * - what a content script bundles never reaches the background, the store or the extension's pages
 *   (content scripts run in the site's origin: the store lives in the extension's);
 * - no module depends on itself through others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The project file an import specifier names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(ROOT, dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return null; // assets (CSS, HTML) and anything not a module
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const graph = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const deps = [...text.matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1] ?? m[2]!))
      .filter((dep): dep is string => dep !== null && /\.tsx?$/.test(dep));
    return [file, [...new Set(deps)]];
  }),
);

function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.get(file) ?? []));
  }
  return seen;
}

describe('module boundaries', () => {
  it('finds the modules it checks', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('lib/content/main.ts')).toContain('lib/reader/runner.ts');
  });

  it('lib/ never imports components/ or entrypoints/', () => {
    const offending = [...graph]
      .filter(([file]) => file.startsWith('lib/'))
      .flatMap(([file, deps]) =>
        deps.filter((d) => d.startsWith('components/') || d.startsWith('entrypoints/')).map((d) => `${file} → ${d}`),
      );
    // The overlay's card renderer is injected by the entrypoints (lib/content/main.ts takes it).
    expect(offending).toEqual([]);
  });

  it("content scripts never bundle the background, the store or the extension's pages", () => {
    const contentEntries = files.filter((f) => /^entrypoints\/[^/]+\.content\.tsx?$/.test(f));
    expect(contentEntries.length).toBeGreaterThanOrEqual(10);
    const forbidden = /^(lib\/background\/|lib\/storage\/|entrypoints\/(?!.*\.content\.))/;
    const offending = contentEntries.flatMap((entry) =>
      [...reachable(entry)].filter((f) => f !== entry && forbidden.test(f)).map((f) => `${entry} ⇢ ${f}`),
    );
    expect(offending).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'open') cycles.push([...path.slice(path.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
