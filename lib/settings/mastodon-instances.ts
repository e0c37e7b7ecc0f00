/**
 * Mastodon is not one site: every server runs its own copy of the web UI. mastodon.social is
 * declared in the manifest; any other server works once the user adds it. Adding one asks the
 * browser for `https://<host>/*` (an optional host permission, so the prompt names that one site),
 * keeps the host in `storage.local` ('mastodonInstances'), and the background then registers the
 * built Mastodon content script (and the hide stylesheets) for every stored server whose permission
 * is still granted. Removing a server removes the host and gives the permission back.
 *
 * The browser APIs are parameters (defaulting to `browser`) so the logic is tested without a
 * browser: the permission prompt and script registration exist only in a real one.
 */
import { browser } from 'wxt/browser';
import { ADAPTERS, hostMatches } from '../platforms/registry';
import { t } from '../ui/i18n';

export const INSTANCES_KEY = 'mastodonInstances';
/** The id of the one dynamic content-script registration covering every added server. */
export const REGISTRATION_ID = 'feedlens-mastodon-instances';
/** Where WXT puts the built `entrypoints/mastodon.content.ts`. */
export const MASTODON_SCRIPT = 'content-scripts/mastodon.js';

export type InstanceCheck = { host: string } | { error: string };

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A DNS name of at least two labels, letters/digits/hyphens (IDNs arrive as punycode from URL). */
const DNS_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * Reads what a user types as a server ("mas.to", "https://mas.to/@me", "@me@mas.to" is not a
 * server) into a host name, or says what is wrong. Only https servers on a public name: no
 * other scheme, port, IP address, single-label name, or the address of another supported site.
 */
export function checkInstanceInput(input: string): InstanceCheck {
  const text = input.trim();
  if (!text) return { error: t('prefs.mastodon.errorEmpty') };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { error: t('prefs.mastodon.errorNotAddress', { text }) };
  }
  if (url.protocol !== 'https:') return { error: t('prefs.mastodon.errorHttps') };
  if (url.username || url.password || url.port) return { error: t('prefs.mastodon.errorPort') };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || IPV4.test(host)) return { error: t('prefs.mastodon.errorIp') };
  if (!DNS_NAME.test(host)) return { error: t('prefs.mastodon.errorNotName', { text }) };
  const other = ADAPTERS.find((adapter) => hostMatches(adapter, host));
  if (other?.id === 'mastodon') return { error: t('prefs.mastodon.errorBuiltIn', { host }) };
  if (other) return { error: t('prefs.mastodon.errorOtherSite', { host, site: other.name }) };
  return { host };
}

/** The host for a server address, or null (see {@link checkInstanceInput}). */
export function normalizeInstanceHost(input: string): string | null {
  const check = checkInstanceInput(input);
  return 'host' in check ? check.host : null;
}

/** The match pattern (and permission origin) for a server. */
export function instancePattern(host: string): string {
  return `https://${host}/*`;
}

export function instanceMatches(hosts: readonly string[]): string[] {
  return hosts.map(instancePattern);
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  updateContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface InstanceApis {
  storage: StorageArea;
  permissions: PermissionsApi;
  scripting: ScriptingApi;
}

function browserApis(): InstanceApis {
  return {
    storage: browser.storage.local as unknown as StorageArea,
    permissions: browser.permissions as unknown as PermissionsApi,
    scripting: browser.scripting as unknown as ScriptingApi,
  };
}

/** The stored servers, cleaned (anything that is no longer a valid server name is dropped). */
export async function loadInstances(storage: StorageArea = browserApis().storage): Promise<string[]> {
  const stored = (await storage.get(INSTANCES_KEY))[INSTANCES_KEY];
  if (!Array.isArray(stored)) return [];
  const hosts = stored.filter((h): h is string => typeof h === 'string').map(normalizeInstanceHost);
  return [...new Set(hosts.filter((h): h is string => h !== null))].sort();
}

async function saveInstances(storage: StorageArea, hosts: readonly string[]): Promise<void> {
  await storage.set({ [INSTANCES_KEY]: [...new Set(hosts)].sort() });
}

/** Stored servers whose permission is still granted (the user can revoke it in the browser). */
export async function grantedInstances(apis: InstanceApis = browserApis()): Promise<string[]> {
  const hosts = await loadInstances(apis.storage);
  const granted = await Promise.all(
    hosts.map((host) => apis.permissions.contains({ origins: [instancePattern(host)] }).catch(() => false)),
  );
  return hosts.filter((_, i) => granted[i]);
}

export type AddResult = { status: 'added' | 'denied'; host: string } | { status: 'invalid'; error: string };

/**
 * Asks for the server's permission and keeps it if granted. Call it straight from a click in an
 * extension page: the browser only shows its prompt during a user gesture, so nothing is awaited
 * before the request.
 */
export async function addInstance(input: string, apis: InstanceApis = browserApis()): Promise<AddResult> {
  const check = checkInstanceInput(input);
  if ('error' in check) return { status: 'invalid', error: check.error };
  const { host } = check;
  const granted = await apis.permissions.request({ origins: [instancePattern(host)] });
  if (!granted) return { status: 'denied', host };
  await saveInstances(apis.storage, [...(await loadInstances(apis.storage)), host]);
  return { status: 'added', host };
}

/**
 * Keeps the servers among newly granted origins. Feedlens asks for optional hosts only to add
 * Mastodon servers, so a grant is one even when the page that asked is gone before the answer
 * (a popup closes when the browser's prompt takes focus) or the user allowed the site in the
 * browser's own extension settings. Returns the servers that were new.
 */
export async function adoptGrantedOrigins(
  origins: readonly string[],
  storage: StorageArea = browserApis().storage,
): Promise<string[]> {
  const hosts = origins
    .map((origin) => /^https:\/\/([^/*]+)\/\*$/.exec(origin)?.[1])
    .map((host) => (host ? normalizeInstanceHost(host) : null))
    .filter((host): host is string => host !== null);
  const stored = await loadInstances(storage);
  const added = hosts.filter((host) => !stored.includes(host));
  if (added.length) await saveInstances(storage, [...stored, ...added]);
  return added;
}

/** Forgets a server and gives its permission back. */
export async function removeInstance(host: string, apis: InstanceApis = browserApis()): Promise<void> {
  const hosts = await loadInstances(apis.storage);
  await saveInstances(
    apis.storage,
    hosts.filter((h) => h !== host),
  );
  await apis.permissions.remove({ origins: [instancePattern(host)] }).catch(() => false);
}

/**
 * Registers the Mastodon content script for every stored server that still has its permission,
 * or removes the registration when there is none. Returns the servers it covers.
 */
export async function syncMastodonRegistration(apis: InstanceApis = browserApis()): Promise<string[]> {
  const hosts = await grantedInstances(apis);
  const existing = await apis.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  const registered = existing.some((script) => script.id === REGISTRATION_ID);
  if (hosts.length === 0) {
    if (registered) await apis.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
    return hosts;
  }
  const script: ContentScriptRegistration = {
    id: REGISTRATION_ID,
    matches: instanceMatches(hosts),
    js: [MASTODON_SCRIPT],
    runAt: 'document_start',
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (registered) await apis.scripting.updateContentScripts([script]);
  else await apis.scripting.registerContentScripts([script]);
  return hosts;
}

/** Calls `listener` when the stored servers change. Returns a function that stops listening. */
export function onInstancesChanged(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && INSTANCES_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

/**
 * The server a tab on an unsupported https site would be added as, for the popup's "Is this your
 * Mastodon server?" offer; null for pages that cannot be one.
 */
export function mastodonOfferHost(url: string | undefined): string | null {
  if (!url?.startsWith('https://')) return null;
  return normalizeInstanceHost(url);
}
