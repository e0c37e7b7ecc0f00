/**
 * Finds the browsers the demo and the tests drive: Chrome or Chromium, and Firefox, where people
 * keep them on Linux, macOS and Windows. `CHROME_PATH` / `FIREFOX_PATH` win when set. Where none
 * is found on a Debian-like system, Debian's package is installed (saying so first, through sudo
 * when not root); elsewhere the error says exactly what to run.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type BrowserName = 'chrome' | 'firefox';

/** What the search looks at, injectable for tests. */
export interface System {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** An executable file exists at this path. */
  isExecutable(file: string): boolean;
  /** The file's text, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** A snap build, or a wrapper script that starts one (Ubuntu's /usr/bin/chromium-browser). */
  isSnap(file: string): boolean;
  isRoot: boolean;
}

export const OVERRIDE_VARIABLE: Record<BrowserName, string> = { chrome: 'CHROME_PATH', firefox: 'FIREFOX_PATH' };

/** Names to look up on the PATH, best first (Debian's own builds before the vendors'). */
const COMMANDS: Record<BrowserName, string[]> = {
  chrome: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'],
  firefox: ['firefox-esr', 'firefox'],
};

/** Where the installers put them, for when the PATH does not have them. */
function knownLocations(browser: BrowserName, system: System): string[] {
  const { env, platform } = system;
  if (platform === 'darwin') {
    const apps =
      browser === 'chrome'
        ? ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium']
        : ['Firefox.app/Contents/MacOS/firefox'];
    const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps =
      browser === 'chrome'
        ? ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe']
        : ['Mozilla Firefox\\firefox.exe', 'Firefox ESR\\firefox.exe'];
    return roots.flatMap((root) => apps.map((app) => path.win32.join(root, app)));
  }
  // Linux and the BSDs.
  return browser === 'chrome'
    ? ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/opt/google/chrome/chrome', '/snap/bin/chromium']
    : [
        '/usr/bin/firefox-esr',
        '/usr/lib/firefox-esr/firefox-esr',
        '/usr/lib/firefox/firefox',
        '/opt/firefox/firefox',
        '/snap/bin/firefox',
      ];
}

/** Every place looked at, in order: the PATH's commands first, then the usual install folders. */
export function candidates(browser: BrowserName, system: System): string[] {
  const win = system.platform === 'win32';
  const join = win ? path.win32.join : path.posix.join;
  const dirs = (system.env.PATH ?? system.env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
  const fromPath = COMMANDS[browser].flatMap((command) =>
    dirs.map((dir) => join(dir, win ? `${command}.exe` : command)),
  );
  return [...new Set([...fromPath, ...knownLocations(browser, system)])];
}

export class BrowserNotFoundError extends Error {}

/**
 * The browser's executable: the override variable's when set (an error if nothing is there:
 * never silently another browser), else the first candidate that exists.
 */
export function findBrowser(browser: BrowserName, system: System = realSystem()): string | undefined {
  const variable = OVERRIDE_VARIABLE[browser];
  const override = system.env[variable];
  if (override) {
    if (!system.isExecutable(override)) throw new BrowserNotFoundError(`${variable}=${override}: no executable there.`);
    return override;
  }
  // Snap builds only as a last resort: their sandbox cannot read an extension outside the home
  // folder, nor a profile in the shared /tmp.
  const present = candidates(browser, system).filter((file) => system.isExecutable(file));
  return present.find((file) => !system.isSnap(file)) ?? present[0];
}

/** Debian's (and Ubuntu's) package for the browser, when this is such a system with apt-get. */
export function debianPackage(browser: BrowserName, system: System): string | undefined {
  if (system.platform !== 'linux') return undefined;
  const osRelease = system.readText('/etc/os-release') ?? '';
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const family = [...osRelease.matchAll(ids)].flatMap((m) => m[1]!.replaceAll('"', '').split(/\s+/));
  const debianLike = family.includes('debian') || family.includes('ubuntu') || !!system.readText('/etc/debian_version');
  if (!debianLike || !hasCommand('apt-get', system)) return undefined;
  if (browser === 'chrome') return 'chromium';
  // Ubuntu has no firefox-esr; its firefox package brings the snap.
  return family.includes('ubuntu') ? 'firefox' : 'firefox-esr';
}

function hasCommand(command: string, system: System): boolean {
  const dirs = (system.env.PATH ?? '').split(':').filter(Boolean);
  return [...dirs, '/usr/bin', '/bin'].some((dir) => system.isExecutable(path.posix.join(dir, command)));
}

/** The commands that install the package, as they would be typed. */
export function installCommands(pkg: string, system: System): string[][] {
  const sudo = system.isRoot ? [] : ['sudo'];
  return [
    [...sudo, 'apt-get', 'update'],
    // Waits for another apt (e.g. a parallel test worker installing the same) instead of failing.
    [...sudo, 'apt-get', 'install', '-y', '-o', 'DPkg::Lock::Timeout=300', pkg],
  ];
}

/** What to run where nothing can be installed automatically. */
export function manualInstructions(browser: BrowserName, system: System): string {
  const variable = OVERRIDE_VARIABLE[browser];
  const label = browser === 'chrome' ? 'Chrome or Chromium' : 'Firefox';
  const how: Record<string, Record<BrowserName, string>> = {
    darwin: { chrome: 'brew install --cask chromium', firefox: 'brew install --cask firefox' },
    win32: { chrome: 'winget install Google.Chrome', firefox: 'winget install Mozilla.Firefox' },
    linux: {
      chrome: 'sudo dnf install chromium   (Fedora)   or   sudo pacman -S chromium   (Arch)',
      firefox: 'sudo dnf install firefox   (Fedora)   or   sudo pacman -S firefox   (Arch)',
    },
  };
  const command = how[system.platform]?.[browser] ?? how.linux![browser];
  return `No ${label} found. Install it:\n  ${command}\nor point ${variable} at its executable.`;
}

export interface EnsureOptions {
  system?: System;
  /** Runs one command with the terminal attached (an install may ask for the sudo password). */
  run?: (command: string[]) => void;
  log?: (line: string) => void;
}

/** The browser's executable, installing Debian's package first where that is possible. */
export function browserPath(browser: BrowserName, options: EnsureOptions = {}): string {
  const system = options.system ?? realSystem();
  const log = options.log ?? ((line) => console.error(line));
  const run = options.run ?? ((command) => execFileSync(command[0]!, command.slice(1), { stdio: 'inherit' }));
  const found = findBrowser(browser, system);
  if (found) return found;
  const pkg = debianPackage(browser, system);
  if (!pkg) throw new BrowserNotFoundError(manualInstructions(browser, system));
  const commands = installCommands(pkg, system);
  log(`No ${browser === 'chrome' ? 'Chromium' : 'Firefox'} found: installing Debian's ${pkg} package:`);
  for (const command of commands) {
    log(`  ${command.join(' ')}`);
    try {
      run(command);
    } catch (error) {
      throw new BrowserNotFoundError(
        `Installing ${pkg} failed (${(error as Error).message}). Run it yourself:\n` +
          commands.map((c) => `  ${c.join(' ')}`).join('\n'),
      );
    }
  }
  const installed = findBrowser(browser, system);
  if (!installed)
    throw new BrowserNotFoundError(
      `${pkg} was installed but no executable was found.\n${manualInstructions(browser, system)}`,
    );
  return installed;
}

export function realSystem(): System {
  return {
    platform: process.platform,
    env: process.env,
    isExecutable(file) {
      try {
        if (!statSync(file).isFile()) return false;
        if (process.platform !== 'win32') accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    readText(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    isSnap(file) {
      try {
        if (realpathSync(file).startsWith('/snap/')) return true;
        if (statSync(file).size > 64 * 1024) return false;
        const text = readFileSync(file, 'utf8');
        return text.startsWith('#!') && text.includes('/snap/');
      } catch {
        return false;
      }
    },
    isRoot: process.getuid?.() === 0,
  };
}
