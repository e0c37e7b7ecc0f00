import { describe, expect, it, vi } from 'vitest';
import { listenForHidingTriggers } from './hiding-triggers';

function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => void)[] = [];
  return {
    addListener: (listener: (...args: Args) => void) => void listeners.push(listener),
    fire: (...args: Args) => listeners.forEach((listener) => listener(...args)),
  };
}

function setup(adopt: () => Promise<unknown> = async () => {}) {
  const settings = fakeEvent<[]>();
  const instances = fakeEvent<[]>();
  const calls: string[] = [];
  const deps = {
    syncHiding: vi.fn(async () => void calls.push('sync')),
    refreshSites: vi.fn(() => void calls.push('refresh')),
    adoptGrantedOrigins: vi.fn(adopt),
    onInstalled: fakeEvent<never[]>(),
    onStartup: fakeEvent<never[]>(),
    onPermissionsAdded: fakeEvent<[{ origins?: string[] }]>(),
    onPermissionsRemoved: fakeEvent<never[]>(),
    onSettingsChanged: settings.addListener,
    onInstancesChanged: instances.addListener,
  };
  listenForHidingTriggers(deps);
  return { deps, calls, settings, instances };
}

describe('when hiding is registered again', () => {
  it('on install or update, browser start-up and a settings change', () => {
    const { deps, calls, settings } = setup();
    deps.onInstalled.fire();
    deps.onStartup.fire();
    settings.fire();
    expect(calls).toEqual(['sync', 'sync', 'sync']);
  });

  it('when the Mastodon servers change, after reading them again', () => {
    const { deps, calls, instances } = setup();
    instances.fire();
    deps.onPermissionsRemoved.fire();
    expect(calls).toEqual(['refresh', 'sync', 'refresh', 'sync']);
  });

  it('when a server permission is granted: the server is added first, even if the popup closed', async () => {
    const { deps, calls } = setup(async () => void calls.push('adopt'));
    deps.onPermissionsAdded.fire({ origins: ['https://social.example/*'] });
    deps.onPermissionsAdded.fire({});
    await vi.waitFor(() => expect(calls).toHaveLength(6));
    expect(deps.adoptGrantedOrigins.mock.calls).toEqual([[['https://social.example/*']], [[]]]);
    expect(calls).toEqual(['adopt', 'adopt', 'refresh', 'sync', 'refresh', 'sync']);
  });

  it('reads the servers and registers again when adding the granted server fails', async () => {
    const { deps, calls } = setup(() => Promise.reject(new Error('storage full')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    deps.onPermissionsAdded.fire({ origins: ['https://social.example/*'] });
    await vi.waitFor(() => expect(calls).toEqual(['refresh', 'sync']));
    expect(error).toHaveBeenCalledWith('Feedlens: could not add the granted Mastodon server', expect.any(Error));
  });
});
