// Headless Chromium for the webview tests, through the playwright-core of test/e2e-host (its own package,
// installed by test/e2e-host/install.sh, outside this tsconfig's reach): the few calls the tests use,
// typed here, and the launch flags that work as root on these machines.
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Locator {
  locator(selector: string): Locator;
  boundingBox(): Promise<Box | null>;
  evaluate<R>(fn: (el: Element) => R): Promise<R>;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  count(): Promise<number>;
  hover(): Promise<void>;
  click(): Promise<void>;
  focus(): Promise<void>;
  waitFor(options?: { state?: 'visible' | 'hidden' | 'attached'; timeout?: number }): Promise<void>;
}

export interface Route {
  request(): { url(): string };
  abort(): Promise<void>;
  fulfill(response: { status?: number; contentType?: string; body: string | Buffer }): Promise<void>;
}

export interface Page {
  goto(url: string): Promise<unknown>;
  route(pattern: string, handler: (route: Route) => Promise<void>): Promise<void>;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  evaluate<R>(fn: () => R): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown>;
  waitForFunction(fn: () => unknown): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
  locator(selector: string): Locator;
  $$eval<R>(selector: string, fn: (els: Element[]) => R): Promise<R>;
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  screenshot(options: { path: string }): Promise<unknown>;
  keyboard: { press(key: string): Promise<void> };
}

export interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(root: string): Promise<Browser> {
  const requireFromHost = createRequire(path.join(root, 'test/e2e-host/package.json'));
  let chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
  try {
    ({ chromium } = requireFromHost('playwright-core'));
  } catch {
    throw new Error('playwright-core is missing: run `bash test/e2e-host/install.sh` once');
  }
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}
