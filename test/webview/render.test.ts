/// <reference lib="dom" />
// The routing preview's page in headless Chromium: the real dist/webview.js and dist/webview.css under
// the real Content Security Policy (client/src/routing-preview/html.ts), with a stub acquireVsCodeApi
// that records what the page posts. Graphs are hand-written (sample-graphs.ts). Needs `npm run build`
// and Chromium with playwright-core (test/e2e-host/install.sh). Keeps screenshots in test/.artifacts/webview/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { previewHtml } from '../../client/src/routing-preview/html';
import { launchChromium, type Browser, type Page, type Route } from './browser';
import { bookinfo, canarySimulation, HOSTILE, injection } from './sample-graphs';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test/.artifacts/webview');
const ORIGIN = 'http://webview.test';
const NONCE = 'TestNonce0123456789abcdefABCDEF0';

// Enough of VS Code's Dark Modern theme for the page to look as it does in the editor.
const DARK = {
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f85149',
  '--vscode-disabledForeground': '#808080',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-font-size': '13px',
};

/** The page VS Code would build, plus a nonce'd stub of the webview API, a theme, and one inline script WITHOUT the nonce (the CSP must block it). */
function testPage(): string {
  const html = previewHtml({ cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/dist/webview.js`, styleUri: `${ORIGIN}/dist/webview.css` });
  const vars = Object.entries(DARK).map(([k, v]) => `${k}: ${v};`).join(' ');
  const stub = `<style nonce="${NONCE}">html { ${vars} }</style>
<script nonce="${NONCE}">
  window.__posted = []; window.__state = undefined; window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState: () => window.__state, setState: (s) => { window.__state = s; } });
</script>
<script>window.__inline = 1;</script>
`;
  return html.replace('<body>', '<body class="vscode-dark">').replace('</head>', `${stub}</head>`);
}

let browser: Browser;
let page: Page;
const external: string[] = [];
const pageErrors: string[] = [];

async function send(message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

async function posted(type: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((t) => (window as unknown as { __posted: Record<string, unknown>[] }).__posted.filter((m) => m.type === t), type);
}

async function lastRendered(): Promise<Record<string, unknown>> {
  const all = await posted('rendered');
  return (all[all.length - 1]?.summary ?? {}) as Record<string, unknown>;
}

async function drawn(count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('svg#graph g.node').length === n, count, { timeout: 15000 });
}

beforeAll(async () => {
  for (const f of ['dist/webview.js', 'dist/webview.css']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  browser = await launchChromium(root);
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Our files come from a fake origin; anything else the page asks for is recorded and refused.
  await page.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      external.push(url.href);
      return route.abort();
    }
    if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: testPage() });
    const file = path.join(root, url.pathname);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return fs.existsSync(file) && file.startsWith(path.join(root, 'dist')) ? route.fulfill({ contentType: type, body: fs.readFileSync(file) }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  fs.mkdirSync(artifacts, { recursive: true });
}, 60000);

afterAll(async () => {
  await browser?.close();
});

describe('routing preview page (Chromium)', () => {
  test('starts under the CSP: says it is loading, asks for a graph, and an inline script without the nonce does not run', async () => {
    expect(await page.locator('#empty').innerText()).toContain('Loading');
    expect(await posted('ready')).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.every((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations.length).toBe(1);
  });

  test('draws the bookinfo graph in columns, rules in match order, with weights, mirrors, a broken subset, an unreachable rule and the fall-through', async () => {
    await send({ type: 'graph', graph: bookinfo, title: 'Whole workspace', choice: { kind: 'workspace' } });
    await drawn(bookinfo.nodes.length);
    const box = async (id: string) => {
      const b = await page.locator(`g.node[data-id="${id}"]`).boundingBox();
      if (!b) throw new Error(`no box for ${id}`);
      return b;
    };
    const R = 'reviews.bookinfo.svc.cluster.local';
    const [gw, vs, rule, subset, workload] = await Promise.all([box('gateway:mesh'), box('vs:bookinfo/reviews'), box('rule:bookinfo/reviews/http/0'), box(`subset:${R}/v1`), box('workload:Deployment/bookinfo/reviews-v1')]);
    expect(gw.x < vs.x && vs.x < rule.x && rule.x < subset.x && subset.x < workload.x).toBe(true);
    const [r0, r1, r2] = await Promise.all([0, 1, 2].map((i) => box(`rule:bookinfo/reviews/http/${i}`)));
    expect(r0.y < r1.y && r1.y < r2.y).toBe(true);

    const summary = await lastRendered();
    expect(summary.nodes).toBe(bookinfo.nodes.length);
    expect(summary.edges).toBe(bookinfo.edges.length);
    expect(summary.labels).toEqual(expect.arrayContaining(['bookinfo-gateway', 'http[1] canary', 'no match → 404', 'reviews-v1']));
    expect(summary.edgeLabels).toEqual(expect.arrayContaining(['90%', '10%', 'mirror 5%', '1st', '2nd']));

    // Broken: the error colour of the theme on the border, and the "!" badge.
    const broken = page.locator(`g.node.state-broken[data-id="subset:${R}/v3"]`);
    expect(await broken.locator('.node-box').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(248, 81, 73)');
    expect(await broken.locator('.node-badge').textContent()).toBe('!');
    const brokenEdge = page.locator(`g.edge.state-broken[data-id="rule:bookinfo/reviews/http/0->subset:${R}/v3#route"] .edge-line`);
    expect(await brokenEdge.evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(248, 81, 73)');
    // Unreachable: greyed and dashed.
    const unreachable = page.locator('g.node.state-unreachable[data-id="rule:bookinfo/reviews/http/2"]');
    expect(Number(await unreachable.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
    expect(await unreachable.locator('.node-box').evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    // Fall-through: a node of its own, dashed.
    const fallthrough = page.locator('g.node.kind-fallthrough');
    expect(await fallthrough.locator('.node-label').textContent()).toBe('no match → 404');
    // The 90 % route is drawn thicker than the 10 % one.
    const width = (to: string) => page.locator(`g.edge[data-id="rule:bookinfo/reviews/http/1->subset:${R}/${to}#route"] .edge-line`).evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
    expect(await width('v1')).toBeGreaterThan(await width('v2'));
    expect(await page.locator('#status').innerText()).toContain('Whole workspace: 22 nodes · 1 broken');
    await page.screenshot({ path: path.join(artifacts, 'routing-preview-render.png') });
  });

  test('hovering a broken node shows its problem and details; clicking it asks the extension to reveal it', async () => {
    const R = 'reviews.bookinfo.svc.cluster.local';
    await page.locator(`g.node[data-id="subset:${R}/v3"]`).hover();
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toContain("subset 'v3' is not defined by any DestinationRule for reviews (IY903)");
    expect(await tip.locator('.tooltip-problems').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(248, 81, 73)');
    await page.locator(`g.node[data-id="gateway:bookinfo/bookinfo-gateway"]`).hover();
    expect(await tip.innerText()).toContain('istio=ingressgateway');
    await page.locator(`g.node[data-id="subset:${R}/v3"]`).click();
    expect((await posted('reveal')).map((m) => m.nodeId)).toEqual([`subset:${R}/v3`]);
    // The keyboard does the same: Tab reaches nodes, Enter reveals.
    await page.locator('g.node[data-id="vs:bookinfo/reviews"]').focus();
    await page.keyboard.press('Enter');
    expect((await posted('reveal')).map((m) => m.nodeId)).toContain('vs:bookinfo/reviews');
    // The mesh has no location: nothing to reveal.
    await page.locator('g.node[data-id="gateway:mesh"]').click();
    expect((await posted('reveal')).map((m) => m.nodeId)).not.toContain('gateway:mesh');
  });

  test('the simulator sends the typed request and highlights the matched rule and where the request goes', async () => {
    await page.fill('#sim-host', 'reviews');
    await page.fill('#sim-path', '/reviews/1');
    await page.fill('#sim-headers', 'End-User: jason\nx-b3: 1');
    await page.fill('#sim-sourceLabels', 'app=productpage, version=v1');
    await page.click('#sim-run');
    const [sim] = await posted('simulate');
    expect(sim.request).toEqual({ host: 'reviews', path: '/reviews/1', method: 'GET', headers: { 'end-user': 'jason', 'x-b3': '1' }, sourceLabels: { app: 'productpage', version: 'v1' }, gateway: 'mesh' });
    await send({ type: 'simulation', result: canarySimulation });
    await page.waitForSelector('svg#graph.simulating');
    const lit = await page.$$eval('svg#graph .hl', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(lit).toEqual(expect.arrayContaining([...canarySimulation.highlight.nodes, ...canarySimulation.highlight.edges]));
    expect(lit).toHaveLength(canarySimulation.highlight.nodes.length + canarySimulation.highlight.edges.length);
    expect(Number(await page.locator('g.node[data-id="rule:bookinfo/reviews/http/0"]').evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
    expect(await page.locator('#sim-result').innerText()).toContain('90% → reviews.bookinfo.svc.cluster.local/v1');
    expect(await page.locator('#sim-result').innerText()).toContain('header end-user is missing');
    expect((await lastRendered()).highlighted).toBe(lit.length);
    await page.screenshot({ path: path.join(artifacts, 'routing-preview-simulation.png') });
    // A form error is shown, not sent.
    await page.fill('#sim-port', 'eighty');
    await page.click('#sim-run');
    expect(await page.locator('.sim-error').innerText()).toContain('1 to 65535');
    expect(await posted('simulate')).toHaveLength(1);
    await page.fill('#sim-port', '');
    await page.click('#sim-clear');
    expect(await page.locator('svg#graph.simulating').count()).toBe(0);
  });

  test('the filter keeps matching nodes and their neighbours', async () => {
    await page.fill('#filter', 'canary');
    await drawn(4); // the VirtualService, the rule, its two subsets
    const ids = await page.$$eval('svg#graph g.node', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toContain('rule:bookinfo/reviews/http/1');
    expect(ids).toContain('vs:bookinfo/reviews');
    await page.fill('#filter', 'nothing-is-called-this');
    await page.waitForFunction(() => !document.querySelector('#empty')?.hasAttribute('hidden'));
    expect(await page.locator('#empty').innerText()).toContain('No node matches');
    await page.fill('#filter', '');
    await drawn(bookinfo.nodes.length);
  });

  test('zoom buttons scale the drawing and Fit restores it', async () => {
    const transform = () => page.locator('svg#graph g.viewport').getAttribute('transform');
    const fitted = await transform();
    await page.click('#zoom-in');
    expect(await transform()).not.toBe(fitted);
    await page.click('#zoom-fit');
    expect(await transform()).toBe(fitted);
  });

  test('exports a standalone SVG with the theme colours written in, and a PNG', async () => {
    await page.click('#export-svg');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'export'));
    const [svg] = await posted('export');
    expect(svg.format).toBe('svg');
    const text = svg.data as string;
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).not.toContain('var(--');
    expect(text).toContain('stroke="rgb(248, 81, 73)"');
    expect(text).toContain('>mirror 5%<');
    fs.writeFileSync(path.join(artifacts, 'routing-preview-export.svg'), text);
    await page.click('#export-png');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'export').length === 2);
    const png = (await posted('export'))[1];
    expect(png.format).toBe('png');
    const bytes = Buffer.from(png.data as string, 'base64');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
    fs.writeFileSync(path.join(artifacts, 'routing-preview-export.png'), bytes);
  });

  test('markup and script in names, labels, details and header values are shown as text and never run', async () => {
    await send({ type: 'graph', graph: injection, title: HOSTILE.img, choice: { kind: 'host', host: HOSTILE.img } });
    await drawn(injection.nodes.length);
    await page.locator('g.node.kind-virtualService').hover();
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    const tip = await page.locator('#tooltip').innerText();
    for (const s of [HOSTILE.img, HOSTILE.script, HOSTILE.svg, HOSTILE.close, `x-user: ${HOSTILE.img}`]) expect(tip).toContain(s);
    await send({ type: 'simulation', result: { ...canarySimulation, summary: HOSTILE.img, steps: [HOSTILE.script, HOSTILE.svg] } });
    await send({ type: 'error', message: HOSTILE.svg });
    await page.waitForFunction(() => !document.querySelector('#error')?.hasAttribute('hidden'));
    const appText = await page.locator('#app').innerText();
    for (const s of [HOSTILE.img, HOSTILE.script, HOSTILE.svg]) expect(appText).toContain(s); // title, summary, steps, error
    // Long labels are cut with an ellipsis to fit the node (the tooltip has them whole); what is drawn is the literal text.
    const labels = await page.locator('svg#graph .node-label').allTextContents();
    expect(labels).toContain(HOSTILE.close);
    expect(labels.some((l: string) => l.startsWith('<script>window.__pwned=2') && l.endsWith('…'))).toBe(true);
    // Elements from the strings would be <img>, <script>, <b>, or an <svg> besides the graph; none exists.
    expect(await page.locator('#app img, #app script, #app b').count()).toBe(0);
    expect(await page.locator('#app svg').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload]').length)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('an invalid message is refused with a message, and the drawing stays as it was', async () => {
    const before = await page.locator('svg#graph g.node').count();
    await send({ type: 'graph', graph: { scope: { kind: 'workspace' }, nodes: [{ id: 'x', kind: 'script', label: 'x', details: [], state: 'ok' }], edges: [] }, title: 't', choice: { kind: 'workspace' } });
    await page.waitForFunction(() => document.querySelector('#error')?.textContent?.includes('Ignored an invalid message'));
    expect(await page.locator('#error').innerText()).toContain('graph.nodes[0].kind');
    expect(await page.locator('svg#graph g.node').count()).toBe(before);
  });

  test('the empty state says what to do; the page asked for nothing outside its own files', async () => {
    await send({ type: 'empty', message: 'Open an Istio file (a VirtualService, a Gateway…) to see where its requests go.', choice: { kind: 'file' } });
    await page.waitForFunction(() => !document.querySelector('#empty')?.hasAttribute('hidden'));
    expect(await page.locator('#empty').innerText()).toContain('Open an Istio file');
    expect(await page.locator('#scope').inputValue()).toBe('file');
    await page.selectOption('#scope', 'workspace');
    expect((await posted('setScope')).pop()?.choice).toEqual({ kind: 'workspace' });
    const state = await page.evaluate(() => (window as unknown as { __state: { choice: unknown } }).__state);
    expect(state.choice).toEqual({ kind: 'workspace' });
    expect(external).toEqual([]);
  });

  test('follows a light theme through the CSS variables', async () => {
    await send({ type: 'graph', graph: bookinfo, title: 'Whole workspace', choice: { kind: 'workspace' } });
    await drawn(bookinfo.nodes.length);
    await page.evaluate(() => {
      document.body.className = 'vscode-light';
      const s = document.documentElement.style;
      s.setProperty('--vscode-editor-background', '#ffffff');
      s.setProperty('--vscode-editorWidget-background', '#f8f8f8');
      s.setProperty('--vscode-foreground', '#3b3b3b');
      s.setProperty('--vscode-descriptionForeground', '#717171');
      s.setProperty('--vscode-errorForeground', '#e51400');
      s.setProperty('--vscode-input-background', '#ffffff');
      s.setProperty('--vscode-input-foreground', '#3b3b3b');
      s.setProperty('--vscode-button-secondaryBackground', '#e5e5e5');
      s.setProperty('--vscode-button-secondaryForeground', '#3b3b3b');
      s.setProperty('--vscode-panel-border', '#e5e5e5');
    });
    const R = 'reviews.bookinfo.svc.cluster.local';
    expect(await page.locator(`g.node[data-id="subset:${R}/v3"] .node-box`).evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(229, 20, 0)');
    expect(await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(artifacts, 'routing-preview-light.png') });
  });
});
