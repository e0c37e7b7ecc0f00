import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  INSTANCES_KEY,
  MASTODON_SCRIPT,
  REGISTRATION_ID,
  addInstance,
  adoptGrantedOrigins,
  checkInstanceInput,
  grantedInstances,
  loadInstances,
  mastodonOfferHost,
  normalizeInstanceHost,
  onInstancesChanged,
  removeInstance,
  syncMastodonRegistration,
  type ContentScriptRegistration,
  type InstanceApis,
} from './mastodon-instances';

/** The browser's permission store; `answer` is what the user clicks in the prompt. */
function fakePermissions() {
  const perms = {
    granted: new Set<string>(),
    answer: true,
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (perms.answer) origins.forEach((o) => perms.granted.add(o));
      return perms.answer;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => perms.granted.delete(o));
      return true;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => perms.granted.has(o))),
  };
  return perms;
}

let fake: ReturnType<typeof fakePermissions>;

function fakeScripting() {
  const scripts = new Map<string, ContentScriptRegistration>();
  return {
    scripts,
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (list: ContentScriptRegistration[]) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    }),
    updateContentScripts: vi.fn(async (list: ContentScriptRegistration[]) => {
      for (const s of list) {
        if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void ids.forEach((id) => scripts.delete(id))),
  };
}

let scripting: ReturnType<typeof fakeScripting>;
let apis: InstanceApis;

beforeEach(() => {
  fakeBrowser.reset();
  fake = fakePermissions();
  scripting = fakeScripting();
  apis = { storage: fakeBrowser.storage.local, permissions: fake, scripting };
});

describe('normalizeInstanceHost', () => {
  it.each([
    ['mas.to', 'mas.to'],
    ['  Mas.To ', 'mas.to'],
    ['https://mas.to/@me', 'mas.to'],
    ['https://mas.to:443/about', 'mas.to'],
    ['social.example.', 'social.example'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['toot.community', 'toot.community'],
  ])('accepts %j as %j', (input, host) => {
    expect(normalizeInstanceHost(input)).toBe(host);
  });

  it.each([
    ['', 'empty'],
    ['http://mas.to', 'not https'],
    ['ftp://mas.to', 'not https'],
    ['javascript:alert(1)', 'not https'],
    ['localhost', 'a single label'],
    ['192.168.0.10', 'an IP address'],
    ['https://[::1]/', 'an IP address'],
    ['mas.to:8443', 'a port'],
    ['me:secret@mas.to', 'a login'],
    ['not a server', 'no name'],
    ['x.com', 'another supported site'],
    ['https://mobile.twitter.com/home', 'another supported site'],
    ['www.reddit.com', 'another supported site'],
    ['mastodon.social', 'already supported'],
  ])('rejects %j (%s)', (input) => {
    expect(normalizeInstanceHost(input)).toBeNull();
    expect(checkInstanceInput(input)).toHaveProperty('error');
  });

  it('says why a site is not a server', () => {
    expect(checkInstanceInput('x.com')).toEqual({ error: 'x.com is X, not a Mastodon server.' });
    expect(checkInstanceInput('http://mas.to')).toEqual({ error: 'Only https:// servers can be added.' });
  });
});

describe('adding and removing servers', () => {
  it('asks for the server’s permission and stores it only when granted', async () => {
    expect(await addInstance('https://mas.to/@me', apis)).toEqual({ status: 'added', host: 'mas.to' });
    expect(fake.request).toHaveBeenCalledWith({ origins: ['https://mas.to/*'] });
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual(['mas.to']);

    fake.answer = false;
    expect(await addInstance('social.example', apis)).toEqual({ status: 'denied', host: 'social.example' });
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual(['mas.to']);
  });

  it('does not ask at all for something that is not a server', async () => {
    expect(await addInstance('x.com', apis)).toMatchObject({ status: 'invalid' });
    expect(fake.request).not.toHaveBeenCalled();
  });

  it('keeps one sorted entry per server', async () => {
    await addInstance('social.example', apis);
    await addInstance('mas.to', apis);
    await addInstance('https://mas.to/home', apis);
    expect((await fakeBrowser.storage.local.get(INSTANCES_KEY))[INSTANCES_KEY]).toEqual(['mas.to', 'social.example']);
  });

  it('forgets a server and gives its permission back', async () => {
    await addInstance('mas.to', apis);
    await addInstance('social.example', apis);
    await removeInstance('mas.to', apis);
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual(['social.example']);
    expect(fake.remove).toHaveBeenCalledWith({ origins: ['https://mas.to/*'] });
    expect(fake.granted.has('https://mas.to/*')).toBe(false);
  });

  it('ignores damaged stored data', async () => {
    await fakeBrowser.storage.local.set({ [INSTANCES_KEY]: ['mas.to', 42, 'x.com', 'http://evil', 'MAS.TO'] });
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual(['mas.to']);
    await fakeBrowser.storage.local.set({ [INSTANCES_KEY]: 'mas.to' });
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual([]);
  });

  it('counts only servers whose permission is still granted', async () => {
    await addInstance('mas.to', apis);
    await addInstance('social.example', apis);
    fake.granted.delete('https://mas.to/*'); // revoked by the user in the browser's settings
    expect(await grantedInstances(apis)).toEqual(['social.example']);
  });

  it('keeps a server granted while the page that asked was gone (the popup closes on the prompt)', async () => {
    expect(
      await adoptGrantedOrigins(
        ['https://social.example/*', 'https://mas.to/*', 'https://x.com/*', 'https://*/*', 'http://plain.example/*'],
        fakeBrowser.storage.local,
      ),
    ).toEqual(['social.example', 'mas.to']);
    expect(await loadInstances(fakeBrowser.storage.local)).toEqual(['mas.to', 'social.example']);
    expect(await adoptGrantedOrigins(['https://mas.to/*'], fakeBrowser.storage.local)).toEqual([]);
  });

  it('tells listeners when the stored servers change', async () => {
    const listener = vi.fn();
    const stop = onInstancesChanged(listener);
    await addInstance('mas.to', apis);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    await removeInstance('mas.to', apis);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('syncMastodonRegistration', () => {
  it('registers the built Mastodon script for every granted server, from document start', async () => {
    await addInstance('social.example', apis);
    await addInstance('mas.to', apis);
    expect(await syncMastodonRegistration(apis)).toEqual(['mas.to', 'social.example']);
    expect([...scripting.scripts.values()]).toEqual([
      {
        id: REGISTRATION_ID,
        matches: ['https://mas.to/*', 'https://social.example/*'],
        js: [MASTODON_SCRIPT],
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('updates the registration in place, leaves out revoked servers, and removes it when none is left', async () => {
    await addInstance('social.example', apis);
    await syncMastodonRegistration(apis);
    await addInstance('mas.to', apis);
    await syncMastodonRegistration(apis);
    expect(scripting.updateContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.scripts.get(REGISTRATION_ID)?.matches).toEqual(['https://mas.to/*', 'https://social.example/*']);

    fake.granted.delete('https://social.example/*');
    expect(await syncMastodonRegistration(apis)).toEqual(['mas.to']);
    expect(scripting.scripts.get(REGISTRATION_ID)?.matches).toEqual(['https://mas.to/*']);

    await removeInstance('mas.to', apis);
    expect(await syncMastodonRegistration(apis)).toEqual([]);
    expect(scripting.scripts.size).toBe(0);
    expect(await syncMastodonRegistration(apis)).toEqual([]); // nothing to unregister twice
    expect(scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });
});

describe('mastodonOfferHost', () => {
  it('offers any other https site, and nothing else', () => {
    expect(mastodonOfferHost('https://social.example/home')).toBe('social.example');
    expect(mastodonOfferHost('https://x.com/home')).toBeNull();
    expect(mastodonOfferHost('http://social.example/')).toBeNull();
    expect(mastodonOfferHost('chrome://extensions/')).toBeNull();
    expect(mastodonOfferHost(undefined)).toBeNull();
  });
});
