/** Headless Debian Chromium driven by Playwright, opened on VS Code's web workbench. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { onCleanup } from './processes';
import { CHROMIUM } from './system';

/** Flags that keep Chromium from reaching for the network or a GPU. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  pid: number;
}

/**
 * Launches Chromium as a Playwright browser server (so its process id is known and it can be killed by id), connects
 * to it and opens one page. Stopping is registered as a cleanup step.
 */
export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<OpenBrowser> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    // The runner handles signals itself and stops the browser as one of its cleanup steps.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  onCleanup(`stop Chromium (pid ${pid})`, async () => {
    await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await server.kill(); // a no-op when it has closed; by process id otherwise
  });
  const browser = await chromium.connect(server.wsEndpoint());
  const page = await browser.newPage({ viewport });
  return { browser, page, pid: pid ?? -1 };
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionRoot` under development and runs the tests
 * module `testsModule` (a path without `.js`, as with @vscode/test-electron) in the extension host.
 */
export function workbenchUrl(
  origin: string,
  folder: string,
  development?: { extensionRoot: string; testsModule?: string },
): string {
  const remote = `vscode-remote://${new URL(origin).host}`;
  const url = new URL(origin);
  url.pathname = '/';
  url.searchParams.set('folder', folder);
  if (development) {
    const payload: [string, string][] = [['extensionDevelopmentPath', remote + development.extensionRoot]];
    if (development.testsModule) payload.push(['extensionTestsPath', remote + development.testsModule]);
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}
