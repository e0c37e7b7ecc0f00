import type { PostReading } from '../model';
import { normalizeLocale } from '../numbers/parse-count';
import {
  SKIP,
  type AdapterDefinition,
  type PlatformAdapter,
  type PostDraft,
  type ReadEnv,
  type ReadProblem,
  type ScanResult,
} from './types';

/** The document a root belongs to: only a Document has no owner, and it is its own. */
function documentOf(root: ParentNode): Document {
  return (root as Node).ownerDocument ?? (root as Document);
}

/** Fills in what the caller did not pass from the root's own document (whose URL always parses). */
export function resolveEnv(root: ParentNode, env: Partial<ReadEnv> = {}): ReadEnv {
  const doc = documentOf(root);
  return {
    url: env.url ?? new URL(doc.URL),
    locale: env.locale ?? normalizeLocale(doc.documentElement?.getAttribute('lang')),
    now: env.now ?? Date.now(),
  };
}

/** Post elements inside `root`, including `root` itself when it is one. */
export function postsIn(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if ((root as Element).nodeType === 1 && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

/**
 * Turns an adapter's per-post reader into the full adapter: `scan` for the reader (with
 * diagnostics) and the pure `read(root)` every test and tool can call.
 */
export function defineAdapter(definition: AdapterDefinition): PlatformAdapter {
  function scanPosts(posts: readonly Element[], resolved: ReadEnv): ScanResult {
    const problems: ReadProblem[] = [];
    const ctx = { ...resolved, problem: (p: ReadProblem) => void problems.push(p) };
    const readings: PostDraft[] = [];
    const sources: Element[] = [];
    let candidates = 0;
    for (const post of posts) {
      const draft = definition.readPost(post, ctx);
      if (draft === SKIP) continue;
      candidates++;
      if (draft) {
        readings.push(draft);
        sources.push(post);
      }
    }
    return { readings, sources, candidates, problems };
  }

  return {
    ...definition,
    scanPosts,
    scan(root, env) {
      return scanPosts(postsIn(root, definition.postSelector), resolveEnv(root, env));
    },
    read(root, env) {
      const resolved = resolveEnv(root, env);
      return scanPosts(postsIn(root, definition.postSelector), resolved).readings.map((draft): PostReading => ({
        ...draft,
        readAt: resolved.now,
      }));
    },
  };
}
