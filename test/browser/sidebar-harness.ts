/**
 * The playground in Chromium for the browser tests: openPlayground starts a playground, launches Chromium on
 * its page (collecting page errors and dialogs, taking screenshots) and closes it all again; openSidebar adds
 * the sidebar's frame, with helpers to wait until the sidebar says it is usable and to read the
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

export interface PlaygroundSession {
  pg: Playground;
  context: BrowserContext;
  page: Page;
  /** The page's uncaught errors. */
  pageErrors: string[];
  /** The dialogs the page opened, as "type: message" (each is dismissed). */
  dialogs: string[];
  /** A full-page screenshot of `target` (the playground's page by default) in test-artifacts/<name>-<shot>.png. */
  shot(shotName: string, target?: Page): Promise<void>;
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  /** Names the temporary folders and the screenshots. */
  name: string;
  lang?: Lang;
  /** The viewport's width (its height is 900). */
  width?: number;
  /** Runs once the playground is up, before Chromium opens its page (seeding, runtime setup). */
  prepare?(pg: Playground): void | Promise<void>;
}

/** Starts a playground and opens its page in Chromium; whatever was started is closed again if a step fails. */
export async function openPlayground(options: PlaygroundOptions): Promise<PlaygroundSession> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `sheetdash-${options.name}-state-`));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sheetdash-${options.name}-chromium-`));
  let pg: Playground | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await pg?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    pg = await startPlayground({ port: 0, stateDir, lang: options.lang, log: () => undefined });
    await options.prepare?.(pg);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: options.width ?? 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pg.url);
    const shot = async (shotName: string, target: Page = page) => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await target.screenshot({ path: path.join(ARTIFACTS, `${options.name}-${shotName}.png`), fullPage: true });
    };
    return { pg, context, page, pageErrors, dialogs, shot, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SidebarSession extends PlaygroundSession {
  sidebar: FrameLocator;
  /** The sidebar's frame (found again after a reload). */
  frame(): Frame;
  /** Waits until the sidebar marks itself usable (html[data-sheetdash-ready]). */
  usable(): Promise<void>;
  /** The google.script.run calls made so far in the sidebar's document, in order. */
  calls(): Promise<{ fn: string; method: string | null; at: number }[]>;
}

export async function openSidebar(lang: Lang = 'en'): Promise<SidebarSession> {
  const opened = await openPlayground({ name: 'sidebar', lang, width: 1200 });
  const { page } = opened;
  const sidebar = page.frameLocator('#sidebar-frame');
  const frame = () => {
    const found = page.frame({ url: /\/sidebar/ });
    if (!found) throw new Error('no sidebar frame');
    return found;
  };
  const session: SidebarSession = {
    ...opened,
    sidebar,
    frame,
    usable: async () => {
      await sidebar.locator('html[data-sheetdash-ready="true"]').waitFor({ state: 'attached' });
    },
    calls: () =>
      frame().evaluate(
        () =>
          (window as unknown as { __playgroundScriptRunCalls: { fn: string; method: string | null; at: number }[] })
            .__playgroundScriptRunCalls,
      ),
  };
  try {
    await session.usable();
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
