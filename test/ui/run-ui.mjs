// The UI test tier: installs the packaged dist/istio-yaml.vsix into a throwaway code-server profile, opens a fresh copy
// of test/e2e/workspace in headless Chromium and checks what a user sees: squiggles, the Problems panel, hovers, commands.
// Packages nothing itself (run `npm run package` first). Screenshots go to test/.artifacts/ui/; the main one also
// replaces docs/images/diagnostics.png, which the README shows. Prints `N passed, N failed` as its last line.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countDifferentPixels } from './image-diff.mjs';
import { hoverToken, openFromExplorer, openProblems, pickQuickItem, runCommand, waitForWorkbench } from './workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromHost = createRequire(join(root, 'test/e2e-host/package.json'));
const vsix = join(root, 'dist/istio-yaml.vsix');
const artifacts = join(root, 'test/.artifacts/ui');
const readmeImage = join(root, 'docs/images/diagnostics.png');
const previewImage = join(root, 'docs/images/routing-preview.png');
const istioctlImages = {
  analyzeAndStatus: join(root, 'docs/images/istioctl-analyze-proxy-status.png'),
  proxyConfig: join(root, 'docs/images/istioctl-proxy-config.png'),
  describe: join(root, 'docs/images/istioctl-describe-pod.png'),
  version: join(root, 'docs/images/istioctl-version-check.png'),
};
// The stub (test/e2e/stub-istioctl) answers what needs a live cluster with recorded outputs and hands analyze and
// validate to the real istioctl.
const realIstioctl = process.env.ISTIOCTL || execFileSync('bash', [join(root, 'scripts/istioctl.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
const stubDir = join(root, 'test/e2e/stub-istioctl');
const TIMEOUT = Number(process.env.UI_STEP_TIMEOUT_MS || 30000); // per wait; the machine has 2 cores
const VIEWPORT = { width: 1280, height: 800 };
// Runs of the same state differ in a handful of pixels (focus rings, caret); more than this is a real change.
const README_IMAGE_TOLERANCE_PX = 200;
const started = Date.now();
const lap = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function bail(message) {
  console.error(`run-ui: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(vsix)) bail('dist/istio-yaml.vsix is missing; run `npm run package` first');
if (!existsSync(join(root, 'test/e2e-host/node_modules/code-server/out/node/entry.js'))) {
  bail('code-server is not installed; run test/e2e-host/install.sh first');
}
const { chromium } = requireFromHost('playwright-core');
const host = requireFromHost('./code-server-host.js');

/** Replaces a README image when the new screenshot differs by more than the tolerance. */
async function updateReadmeImage(page, file, image) {
  const changed = !existsSync(image) || (await countDifferentPixels(page.context().browser(), file, image)) > README_IMAGE_TOLERANCE_PX;
  if (changed) {
    mkdirSync(dirname(image), { recursive: true });
    copyFileSync(file, image);
    console.log(`  updated ${image}`);
  }
}

/** Waits until an istioctl progress notification has closed, so it is not in a screenshot. */
async function progressGone(page, text) {
  await page.locator('.notification-toast', { hasText: text }).first().waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** The routing preview's page inside the workbench (a webview: two nested iframes). */
const previewFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/**
 * The checks, in order; each builds on the state the previous ones left in the workbench.
 * @type {{ title: string, run: (ctx: { page: any, shot: (name: string) => Promise<string>, serverUrl: string, bookinfo: string }) => Promise<void> }[]}
 */
const steps = [
  { title: 'the workbench opens the workspace and the extension shows its status bar item', run: async ({ page }) => {
    await waitForWorkbench(page, 60000);
    await page.locator('.statusbar-item', { hasText: 'Istio' }).first().waitFor({ timeout: TIMEOUT });
  } },
  { title: 'opening routes.yaml from the explorer shows an error squiggle', run: async ({ page }) => {
    await openFromExplorer(page, 'routes.yaml', 'VirtualService', TIMEOUT);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: TIMEOUT });
  } },
  { title: 'the Problems panel lists the misspelled field with its code', run: async ({ page }) => {
    const rows = await openProblems(page);
    const row = rows.filter({ hasText: "unknown field 'subsets'; did you mean 'subset'?" }).first();
    await row.waitFor({ timeout: TIMEOUT });
    const text = await row.innerText();
    if (!text.includes('IY002')) throw new Error(`the row does not show the code IY002: ${text}`);
    await rows.filter({ hasText: 'networking.istio.io/v1alpha3 is an older version of VirtualService' }).first().waitFor({ timeout: TIMEOUT });
  } },
  { title: 'hovering the squiggle shows the message and the quick fix (README screenshot)', run: async ({ page, shot }) => {
    await hoverToken(page, 'subsets', "did you mean 'subset'?", TIMEOUT);
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Quick Fix' }).first().waitFor({ timeout: TIMEOUT });
    await updateReadmeImage(page, await shot('diagnostics'), readmeImage);
  } },
  { title: 'hovering a field shows its schema documentation', run: async ({ page, shot }) => {
    await hoverToken(page, 'timeout', 'Timeout for HTTP requests', TIMEOUT);
    await shot('hover');
  } },
  { title: '"Istio: Show Language Server Output" opens the server log', run: async ({ page, shot }) => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await runCommand(page, 'Istio: Show Language Server Output', TIMEOUT);
    await page.locator('.output-view .view-lines', { hasText: 'indexed' }).first().waitFor({ timeout: TIMEOUT });
    await shot('output');
  } },
  { title: '"Istio: Restart Language Server" restarts it and the squiggle comes back', run: async ({ page }) => {
    await runCommand(page, 'Istio: Restart Language Server', TIMEOUT);
    // The command confirms in the status bar once the new server has started; the squiggle must then be republished.
    await page.locator('.statusbar-item', { hasText: 'language server restarted' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: TIMEOUT });
    const failure = page.locator('.notification-toast', { hasText: 'failed to start' });
    if (await failure.count()) throw new Error(await failure.first().innerText());
  } },
  { title: '"Analyze Workspace with istioctl" lists istioctl\'s findings in the Problems panel; "Show Proxy Status" fills the Istio view (README screenshot)', run: async ({ page, shot }) => {
    // Wide enough for the tree's state column.
    await page.setViewportSize({ width: 1600, height: 900 });
    await runCommand(page, 'Istio: Analyze Workspace with istioctl', TIMEOUT);
    const rows = await openProblems(page);
    const row = rows.filter({ hasText: 'not found in Gateway' }).first();
    await row.waitFor({ timeout: TIMEOUT });
    const text = await row.innerText();
    if (!/istioctl/.test(text) || !/IST0132/.test(text)) throw new Error(`the row does not show istioctl's source and code: ${text}`);
    await runCommand(page, 'Istio: Show Proxy Status', TIMEOUT);
    const proxies = page.locator('.pane-body .monaco-list-row', { hasText: 'reviews-v2' });
    await proxies.first().waitFor({ timeout: TIMEOUT });
    // The STALE proxy expanded: its types and their states.
    await page.locator('.pane-body .monaco-list-row', { hasText: 'STALE' }).first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: /^\s*CDS/ }).first().waitFor({ timeout: TIMEOUT });
    for (let i = 0; i < 6; i++) await runCommand(page, 'Increase Current View Size', TIMEOUT);
    await runCommand(page, 'Clear All Notifications', TIMEOUT);
    await page.mouse.move(5, 5);
    await updateReadmeImage(page, await shot('istioctl-analyze-proxy-status'), istioctlImages.analyzeAndStatus);
  } },
  { title: '"Show Proxy Config…" picks a pod and a section and opens the JSON read-only (README screenshot)', run: async ({ page, shot }) => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors', TIMEOUT);
    await runCommand(page, 'Istio: Show Proxy Config…', TIMEOUT);
    await pickQuickItem(page, 'reviews-v2', TIMEOUT);
    await pickQuickItem(page, 'clusters', TIMEOUT);
    await page.locator('.monaco-editor .view-lines', { hasText: 'inbound|9080' }).first().waitFor({ timeout: TIMEOUT });
    await progressGone(page, 'istioctl proxy-config');
    await updateReadmeImage(page, await shot('istioctl-proxy-config'), istioctlImages.proxyConfig);
  } },
  { title: '"Describe Pod…" shows what applies to the pod, linked to the workspace files (README screenshot)', run: async ({ page, shot }) => {
    await runCommand(page, 'View: Close All Editors', TIMEOUT);
    await runCommand(page, 'Istio: Describe Pod…', TIMEOUT);
    await pickQuickItem(page, 'reviews-v2', TIMEOUT);
    await page.locator('.monaco-editor .view-lines', { hasText: 'VirtualService: reviews' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Not in the workspace' }).first().waitFor({ timeout: TIMEOUT });
    await progressGone(page, 'istioctl x describe');
    await updateReadmeImage(page, await shot('istioctl-describe-pod'), istioctlImages.describe);
  } },
  { title: '"Check istioctl Version" warns that istioctl and the control plane differ (README screenshot)', run: async ({ page, shot }) => {
    await runCommand(page, 'Istio: Check istioctl Version', TIMEOUT);
    await page.locator('.notification-toast', { hasText: '1.29' }).first().waitFor({ timeout: TIMEOUT });
    await progressGone(page, 'istioctl version');
    await updateReadmeImage(page, await shot('istioctl-version-check'), istioctlImages.version);
  } },
  { title: '"Istio: Show Routing Preview" on samples/bookinfo draws its routes beside the editor', run: async ({ page, serverUrl, bookinfo }) => {
    // A wider window and the bookinfo sample as the workspace, for a readable README picture.
    await page.setViewportSize({ width: 1600, height: 960 });
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(bookinfo)}`);
    await waitForWorkbench(page, 60000);
    await openFromExplorer(page, 'routes.yaml', 'VirtualService', TIMEOUT);
    await page.locator('.statusbar-item', { hasText: 'Istio' }).first().waitFor({ timeout: TIMEOUT });
    await runCommand(page, 'Istio: Show Routing Preview', TIMEOUT);
    const frame = previewFrame(page);
    await frame.locator('svg#graph g.node').first().waitFor({ timeout: TIMEOUT });
    const labels = await frame.locator('svg#graph .node-label').allTextContents();
    if (!labels.some((l) => l.includes('reviews'))) throw new Error(`the preview of routes.yaml does not show reviews: ${labels.join(' | ')}`);
  } },
  { title: 'the simulator shows where a tester\'s request to reviews goes (README screenshot)', run: async ({ page, shot }) => {
    // The preview alone, full width: close the YAML editor (its emptied group closes with it) and the side bar.
    // Not the preview's tab, "Routing: routes.yaml".
    const tab = page.locator('.tabs-container .tab', { hasText: /^routes\.yaml/ }).first();
    await tab.hover();
    await tab.locator('.tab-actions .codicon-close').click();
    await tab.waitFor({ state: 'detached', timeout: TIMEOUT });
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility', TIMEOUT);
    const frame = previewFrame(page);
    await frame.locator('#scope').selectOption('workspace');
    await frame.locator('#status', { hasText: 'Whole workspace' }).waitFor({ timeout: TIMEOUT });
    await frame.locator('#sim-host').fill('reviews');
    await frame.locator('#sim-headers').fill('end-user: jason');
    await frame.locator('#sim-sourceNamespace').fill('bookinfo');
    await frame.locator('#sim-run').click();
    await frame.locator('svg#graph.simulating').waitFor({ timeout: TIMEOUT });
    const summary = await frame.locator('#sim-result').innerText();
    if (!/v3/.test(summary)) throw new Error(`the simulation does not send jason to v3: ${summary}`);
    await frame.locator('#zoom-fit').click();
    await page.mouse.move(5, 5);
    await updateReadmeImage(page, await shot('routing-preview'), previewImage);
  } },
];

async function main() {
  const run = host.createRunDir('istio-yaml-ui');
  let server;
  let browser;
  let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    run.remove();
  })());
  const unregister = host.onSignals(() => cleanup());
  let passed = 0;
  let failed = 0;
  try {
    // Screenshots of an earlier run (a stale failure.png above all) must not be mistaken for this run's.
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    host.installExtension(run, vsix);
    const workspace = join(run.root, 'workspace');
    cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
    const bookinfo = join(run.root, 'bookinfo');
    cpSync(join(root, 'samples/bookinfo'), bookinfo, { recursive: true });
    // A kubeconfig whose cluster is never reached: the stub answers the cluster commands.
    const kubeconfig = join(run.root, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters:\n- name: staging\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: staging-eu\n  context:\n    cluster: staging\n    user: ci\n    namespace: bookinfo\ncurrent-context: staging-eu\nusers:\n- name: ci\n  user:\n    token: none\n');
    // The stub is named by the setting: code-server's extension host takes PATH from a login shell, not from us.
    const settingsFile = join(run.userData, 'User', 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'istioYaml.istioctl.path': join(stubDir, 'istioctl') }, null, 2));
    server = await host.startCodeServer(run, { env: { ISTIOCTL_STUB_REAL: realIstioctl, KUBECONFIG: kubeconfig } });
    browser = await host.launchChromium(run, { chromium });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const shot = async (name) => {
      const file = join(artifacts, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    };
    console.log(`[${lap()}] extension installed, code-server listening on ${server.url}`);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);

    let broken;
    for (const { title, run: step } of steps) {
      if (broken) {
        // Later steps depend on the earlier ones' state: they count as failed, never as skipped.
        failed++;
        console.log(`not ok - ${title} (not run: '${broken}' failed)`);
        continue;
      }
      try {
        await step({ page, shot, serverUrl: server.url, bookinfo });
        passed++;
        console.log(`ok - ${title} [${lap()}]`);
      } catch (error) {
        failed++;
        broken = title;
        console.log(`not ok - ${title}\n  ${String(error && error.message).split('\n').join('\n  ')}`);
        await shot('failure').catch(() => {});
      }
    }
    if (failed) {
      console.error(`screenshot of the failure: ${join(artifacts, 'failure.png')}`);
      console.error(`--- code-server output ---\n${server.output()}\n${host.serverLogs(run)}`);
      if (pageErrors.length) console.error(`--- workbench page errors ---\n${pageErrors.join('\n')}`);
    }
  } catch (error) {
    failed = Math.max(failed, 1);
    console.error(`run-ui: ${error && error.stack ? error.stack : String(error)}`);
  } finally {
    await cleanup();
    unregister();
  }
  console.log(`UI tier finished in ${lap()}; screenshots in ${artifacts}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exit(await main());
