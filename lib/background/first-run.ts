/** First run: the welcome page opens once, when Feedlens is installed (never on updates). */
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  });
}
