import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  browserPath,
  candidates,
  debianPackage,
  findBrowser,
  manualInstructions,
  type System,
} from './find-browser';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';

/** A machine with exactly these executables (and these files' texts). */
function machine(
  executables: string[],
  overrides: Partial<System> & { files?: Record<string, string>; snaps?: string[] } = {},
): System {
  const { files = {}, snaps = [], ...rest } = overrides;
  const present = new Set(executables);
  return {
    platform: 'linux',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/home/ada' },
    isExecutable: (file) => present.has(file),
    readText: (file) => files[file],
    isSnap: (file) => file.startsWith('/snap/') || snaps.includes(file),
    isRoot: false,
    ...rest,
  };
}

describe('finding Chrome or Chromium', () => {
  it('prefers CHROME_PATH over anything installed, and refuses a CHROME_PATH with nothing there', () => {
    const system = machine(['/usr/bin/chromium', '/opt/chrome/chrome'], {
      env: { PATH: '/usr/bin', CHROME_PATH: '/opt/chrome/chrome' },
    });
    expect(findBrowser('chrome', system)).toBe('/opt/chrome/chrome');
    const wrong = machine(['/usr/bin/chromium'], { env: { PATH: '/usr/bin', CHROME_PATH: '/nowhere/chrome' } });
    expect(() => findBrowser('chrome', wrong)).toThrow(/CHROME_PATH=\/nowhere\/chrome/);
  });

  it('takes Debian’s Chromium before Google Chrome, and the PATH before the usual folders', () => {
    expect(findBrowser('chrome', machine(['/usr/bin/google-chrome-stable', '/usr/bin/chromium']))).toBe(
      '/usr/bin/chromium',
    );
    expect(findBrowser('chrome', machine(['/usr/local/bin/chromium', '/usr/bin/chromium']))).toBe(
      '/usr/local/bin/chromium',
    );
    expect(findBrowser('chrome', machine(['/opt/google/chrome/chrome']))).toBe('/opt/google/chrome/chrome');
  });

  it('uses a snap build only when nothing else is there', () => {
    const ubuntu = machine(['/usr/bin/chromium-browser', '/opt/google/chrome/chrome'], {
      snaps: ['/usr/bin/chromium-browser'],
    });
    expect(findBrowser('chrome', ubuntu)).toBe('/opt/google/chrome/chrome');
    expect(findBrowser('chrome', machine(['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const mac = machine(['/home/ada/Applications/Chromium.app/Contents/MacOS/Chromium'], {
      platform: 'darwin',
      env: { PATH: '/usr/bin', HOME: '/home/ada' },
    });
    expect(findBrowser('chrome', mac)).toBe('/home/ada/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(candidates('chrome', mac)).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('looks in Program Files and the user’s AppData on Windows', () => {
    const env = {
      Path: 'C:\\Windows\\System32',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
    };
    const win = machine(['C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], {
      platform: 'win32',
      env,
    });
    expect(findBrowser('chrome', win)).toBe('C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates('chrome', win).slice(0, 2)).toEqual([
      'C:\\Windows\\System32\\chromium.exe',
      'C:\\Windows\\System32\\chromium-browser.exe',
    ]);
  });
});

describe('finding Firefox', () => {
  it('honours FIREFOX_PATH, then prefers Firefox ESR over a firefox wrapper', () => {
    expect(findBrowser('firefox', machine(['/usr/bin/firefox', '/usr/bin/firefox-esr']))).toBe('/usr/bin/firefox-esr');
    const custom = machine(['/usr/bin/firefox-esr', '/opt/ff/firefox'], {
      env: { PATH: '/usr/bin', FIREFOX_PATH: '/opt/ff/firefox' },
    });
    expect(findBrowser('firefox', custom)).toBe('/opt/ff/firefox');
  });

  it('finds Firefox.app on macOS and Mozilla Firefox on Windows', () => {
    const mac = machine(['/Applications/Firefox.app/Contents/MacOS/firefox'], { platform: 'darwin' });
    expect(findBrowser('firefox', mac)).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
    const win = machine(['C:\\Program Files\\Mozilla Firefox\\firefox.exe'], {
      platform: 'win32',
      env: { PATH: 'C:\\Windows', PROGRAMFILES: 'C:\\Program Files' },
    });
    expect(findBrowser('firefox', win)).toBe('C:\\Program Files\\Mozilla Firefox\\firefox.exe');
  });
});

describe('when no browser is installed', () => {
  const withApt = (osRelease: string, more: Partial<System> = {}) =>
    machine(['/usr/bin/apt-get'], { files: { '/etc/os-release': osRelease }, ...more });

  it('names Debian’s packages on Debian and Ubuntu, and none elsewhere', () => {
    expect(debianPackage('chrome', withApt(DEBIAN))).toBe('chromium');
    expect(debianPackage('firefox', withApt(DEBIAN))).toBe('firefox-esr');
    expect(debianPackage('firefox', withApt(UBUNTU))).toBe('firefox');
    expect(debianPackage('chrome', machine([], { files: { '/etc/os-release': 'ID=fedora\n' } }))).toBeUndefined();
    // Debian without apt-get (a minimal container image): nothing to install with.
    expect(debianPackage('chrome', machine([], { files: { '/etc/os-release': DEBIAN } }))).toBeUndefined();
    expect(debianPackage('chrome', withApt(DEBIAN, { platform: 'darwin' }))).toBeUndefined();
  });

  it('installs the package itself, through sudo when not root, says so, and then uses it', () => {
    const present = new Set(['/usr/bin/apt-get']);
    const ran: string[] = [];
    const logged: string[] = [];
    const system = withApt(DEBIAN, { isExecutable: (file) => present.has(file) });
    const path = browserPath('chrome', {
      system,
      run: (command) => {
        ran.push(command.join(' '));
        if (command.includes('install')) present.add('/usr/bin/chromium');
      },
      log: (line) => logged.push(line),
    });
    expect(path).toBe('/usr/bin/chromium');
    expect(ran).toEqual(['sudo apt-get update', 'sudo apt-get install -y -o DPkg::Lock::Timeout=300 chromium']);
    expect(logged[0]).toMatch(/installing Debian's chromium package/);

    const asRoot: string[] = [];
    const rootSystem = withApt(DEBIAN, { isRoot: true, isExecutable: (file) => present.has(file) });
    present.delete('/usr/bin/chromium');
    browserPath('firefox', {
      system: rootSystem,
      run: (command) => {
        asRoot.push(command.join(' '));
        present.add('/usr/bin/firefox-esr');
      },
      log: () => {},
    });
    expect(asRoot).toEqual(['apt-get update', 'apt-get install -y -o DPkg::Lock::Timeout=300 firefox-esr']);
  });

  it('prints the commands to run when the install fails', () => {
    const attempt = () =>
      browserPath('chrome', {
        system: withApt(DEBIAN),
        run: () => {
          throw new Error('sudo: a password is required');
        },
        log: () => {},
      });
    expect(attempt).toThrow(BrowserNotFoundError);
    expect(attempt).toThrow(/sudo apt-get install -y .* chromium/);
  });

  it('says exactly what to run where it cannot install', () => {
    const mac = machine([], { platform: 'darwin' });
    expect(() => browserPath('chrome', { system: mac, log: () => {} })).toThrow(/brew install --cask chromium/);
    expect(manualInstructions('firefox', machine([], { platform: 'win32' }))).toMatch(
      /winget install Mozilla\.Firefox[\s\S]*FIREFOX_PATH/,
    );
    expect(manualInstructions('chrome', machine([]))).toMatch(/dnf install chromium[\s\S]*CHROME_PATH/);
  });
});
