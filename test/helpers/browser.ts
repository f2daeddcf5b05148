import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Requests any page made to another origin: must stay empty (the terminals have no internet). */
  foreignRequests: string[];
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The real app listening on a loopback port, driven by Debian's Chromium. */
/** `extraFlags`: more Chromium switches (a fake microphone for the voice test). */
export async function startBrowserHarness(env: Record<string, string> = {}, extraFlags: string[] = []): Promise<BrowserHarness> {
  const t = await createTestApp(env);
  const server: Server = await new Promise((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...FLAGS, ...extraFlags] });
  const foreignRequests: string[] = [];
  return {
    t,
    browser,
    baseUrl,
    foreignRequests,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: options.javaScriptEnabled ?? true, locale: 'fr-FR' });
      const page = await context.newPage();
      page.on('request', (req) => {
        if (!req.url().startsWith(baseUrl) && !req.url().startsWith('data:')) foreignRequests.push(req.url());
      });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Fills the login form and submits it. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
