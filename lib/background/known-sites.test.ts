import { describe, expect, it, vi } from 'vitest';
import { createKnownSites, hostAllowed } from './known-sites';

const never = () => new Promise<string[]>(() => {});

describe('the sites the background knows', () => {
  it('knows a built-in site at once, before the added servers are read', async () => {
    const sites = createKnownSites({ loadHosts: never, registerHosts: never });
    expect((await sites.adapterFor('https://x.com/ada/status/1'))?.id).toBe('x');
    expect((await sites.adapterFor('https://www.reddit.com/r/a'))?.id).toBe('reddit');
  });

  it('knows an added Mastodon server once the servers are read, and nothing else', async () => {
    const sites = createKnownSites({ loadHosts: async () => ['social.example'], registerHosts: never });
    expect((await sites.adapterFor('https://social.example/@ada/1'))?.id).toBe('mastodon');
    expect(await sites.adapterFor('https://other.example/@ada/1')).toBeUndefined();
    expect(await sites.adapterFor('http://social.example/@ada/1')).toBeUndefined();
    expect(await sites.adapterFor(undefined)).toBeUndefined();
    expect(await sites.adapterFor('not a url')).toBeUndefined();
  });

  it('reads the servers again when asked, so a removed server is no longer known', async () => {
    let hosts = ['social.example'];
    const sites = createKnownSites({ loadHosts: async () => hosts, registerHosts: never });
    expect((await sites.adapterFor('https://social.example/@ada'))?.id).toBe('mastodon');
    hosts = ['new.example'];
    sites.refresh();
    expect(await sites.adapterFor('https://social.example/@ada')).toBeUndefined();
    expect((await sites.adapterFor('https://new.example/@ada'))?.id).toBe('mastodon');
  });

  it('keeps working on built-in sites when the servers cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sites = createKnownSites({ loadHosts: () => Promise.reject(new Error('no storage')), registerHosts: never });
    expect(await sites.adapterFor('https://social.example/@ada')).toBeUndefined();
    expect((await sites.adapterFor('https://x.com/'))?.id).toBe('x');
    expect(error).toHaveBeenCalledWith('Feedlens: could not read the Mastodon servers', expect.any(Error));
  });

  it('applies Mastodon hide stylesheets on the servers registered, and keeps them when registering fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let register = async () => ['social.example'];
    const sites = createKnownSites({ loadHosts: async () => [], registerHosts: () => register() });
    await sites.adapterFor('https://social.example/');
    const mastodon = (await sites.adapterFor('https://mastodon.social/'))!;
    const x = (await sites.adapterFor('https://x.com/'))!;
    expect(sites.matchesFor(mastodon)).toEqual(mastodon.matches);

    await sites.syncRegistration();
    expect(sites.matchesFor(mastodon)).toEqual([...mastodon.matches, 'https://social.example/*']);
    expect(sites.matchesFor(x)).toEqual(x.matches);
    expect((await sites.adapterFor('https://social.example/@ada'))?.id).toBe('mastodon');

    register = () => Promise.reject(new Error('scripting failed'));
    await sites.syncRegistration();
    expect(sites.matchesFor(mastodon)).toContain('https://social.example/*');
    expect(error).toHaveBeenCalledWith('Feedlens: could not register the Mastodon content script', expect.any(Error));
  });
});

describe('where a post may have its permalink', () => {
  it('on its own site only, except Mastodon posts, which live on any server', () => {
    expect(hostAllowed('x', 'x.com')).toBe(true);
    expect(hostAllowed('x', 'evil.example')).toBe(false);
    expect(hostAllowed('reddit', 'x.com')).toBe(false);
    expect(hostAllowed('mastodon', 'any.example')).toBe(true);
    expect(hostAllowed('nowhere' as never, 'x.com')).toBe(false);
  });
});
