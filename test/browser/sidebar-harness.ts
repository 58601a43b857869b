/**
 * The playground in Chromium for the sidebar's browser tests: starts a playground (in a language), opens its
 * page, and gives the sidebar's frame, with helpers to wait until the sidebar says it is usable and to read the
 * google.script.run calls the bridge recorded. Skipped (describeBrowser) when /usr/bin/chromium is absent.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../emulator/playground/server';
import type { Lang } from '../../src/shared/api-types';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
export const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SidebarSession {
  pg: Playground;
  context: BrowserContext;
  page: Page;
  sidebar: FrameLocator;
  /** The sidebar's frame (found again after a reload). */
  frame(): Frame;
  pageErrors: string[];
  /** Waits until the sidebar marks itself usable (html[data-sheetdash-ready]). */
  usable(): Promise<void>;
  /** The google.script.run calls made so far in the sidebar's document, in order. */
  calls(): Promise<{ fn: string; method: string | null; at: number }[]>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSidebar(lang: Lang = 'en'): Promise<SidebarSession> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-a11y-state-'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-a11y-chromium-'));
  const pg = await startPlayground({ port: 0, stateDir, lang, log: () => undefined });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(pg.url);
  const sidebar = page.frameLocator('#sidebar-frame');
  const frame = () => {
    const found = page.frame({ url: /\/sidebar/ });
    if (!found) throw new Error('no sidebar frame');
    return found;
  };
  const session: SidebarSession = {
    pg,
    context,
    page,
    sidebar,
    frame,
    pageErrors,
    usable: async () => {
      await sidebar.locator('html[data-sheetdash-ready="true"]').waitFor({ state: 'attached' });
    },
    calls: () =>
      frame().evaluate(
        () =>
          (window as unknown as { __playgroundScriptRunCalls: { fn: string; method: string | null; at: number }[] })
            .__playgroundScriptRunCalls,
      ),
    shot: async (name) => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `sidebar-${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      await pg.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
  await session.usable();
  return session;
}
