/**
 * What the Chrome Web Store and addons.mozilla.org check statically in an upload, run on a built
 * extension folder: the listing fields' lengths, icons that exist at the sizes they claim, every
 * file the manifest names, and no remote code (nothing loaded from the network, no eval, and —
 * Feedlens' own promise — no network call anywhere in the bundle).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Chrome's limits (developer.chrome.com, manifest "name" and "description"). */
export const MAX_NAME = 75;
export const MAX_DESCRIPTION = 132;
export const ICON_SIZES = [16, 32, 48, 128];

interface Manifest {
  name?: string;
  description?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  options_ui?: { page?: string };
  content_security_policy?: unknown;
}

/** Width and height of a PNG file, or undefined when it is not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

function iconProblems(dir: string, where: string, icons: Record<string, string> | undefined): string[] {
  if (!icons) return [`${where}: no icons`];
  const problems = ICON_SIZES.filter((size) => !icons[size]).map((size) => `${where}: no ${size} px icon`);
  for (const [size, file] of Object.entries(icons)) {
    const path = join(dir, file);
    const actual = existsSync(path) ? pngSize(readFileSync(path)) : undefined;
    if (!actual) problems.push(`${where}.${size}: ${file} is missing or not a PNG`);
    else if (actual.width !== Number(size) || actual.height !== Number(size))
      problems.push(`${where}.${size}: ${file} is ${actual.width}×${actual.height}`);
  }
  return problems;
}

/** Code that runs what it did not ship with, or talks to the network. */
const REMOTE_CODE: [RegExp, string][] = [
  [/\beval\s*\(/, 'eval()'],
  [/\bnew Function\s*\(/, 'new Function()'],
  [/\bimportScripts\s*\(/, 'importScripts()'],
  [/\bimport\s*\(\s*[`'"](?:https?:)?\/\//, 'import() of a URL'],
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bnew WebSocket\b/, 'WebSocket'],
  [/\bsendBeacon\b/, 'sendBeacon'],
  [/\bnew EventSource\b/, 'EventSource'],
];

function remoteCodeProblems(dir: string, files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const text = () => readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.js')) {
      const code = text();
      for (const [pattern, what] of REMOTE_CODE) if (pattern.test(code)) problems.push(`${file}: ${what}`);
    } else if (file.endsWith('.html')) {
      for (const [, url] of text().matchAll(/<(?:script|link|iframe|img)\b[^>]*\b(?:src|href)=["']([^"']+)["']/gi))
        if (/^(?:[a-z]+:)?\/\//i.test(url!)) problems.push(`${file}: loads ${url}`);
    }
  }
  return problems;
}

/**
 * The name and description as each language shows them: `__MSG_key__` fields are read from
 * _locales/<language>/messages.json (the store lists every language), plain fields as they are.
 */
function listingTexts(dir: string, manifest: Manifest): [string, { name?: string; description?: string }][] {
  const localized = /^__MSG_(\w+)__$/;
  if (!localized.test(manifest.name ?? '') && !localized.test(manifest.description ?? '')) return [['', manifest]];
  const localesDir = join(dir, '_locales');
  const languages = existsSync(localesDir) ? readdirSync(localesDir) : [];
  if (languages.length === 0) return [['no _locales', {}]];
  return languages.map((language) => {
    const file = join(localesDir, language, 'messages.json');
    const messages = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Record<
      string,
      { message: string }
    >;
    // Chrome falls back to the default language, key by key; every catalog here has both keys.
    const resolve = (field?: string) =>
      field?.replace(
        localized,
        (_, key: string) => messages[key]?.message ?? messages[key.toLowerCase()]?.message ?? '',
      );
    return [language, { name: resolve(manifest.name), description: resolve(manifest.description) }];
  });
}

/** Everything a store would refuse in the extension built into `dir`. */
export function storeProblems(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files = filesUnder(dir);
  const problems: string[] = [];
  for (const [language, text] of listingTexts(dir, manifest)) {
    const where = language ? ` (${language})` : '';
    if (!text.name || text.name.length > MAX_NAME)
      problems.push(`name${where}: missing or over ${MAX_NAME} characters`);
    if (!text.description || text.description.length > MAX_DESCRIPTION)
      problems.push(
        `description${where}: missing or ${text.description?.length ?? 0} characters (at most ${MAX_DESCRIPTION})`,
      );
  }
  problems.push(...iconProblems(dir, 'icons', manifest.icons));
  problems.push(...iconProblems(dir, 'action.default_icon', manifest.action?.default_icon));
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
  ].filter((file): file is string => !!file);
  for (const file of named)
    if (!files.includes(file.replace(/^\//, ''))) problems.push(`${file}: named in the manifest, not in the package`);
  if (JSON.stringify(manifest.content_security_policy ?? '').match(/https?:|\*/))
    problems.push('content_security_policy allows remote sources');
  problems.push(...remoteCodeProblems(dir, files));
  return problems;
}
