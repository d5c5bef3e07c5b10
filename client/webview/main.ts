// The routing preview page: toolbar (scope, filter, zoom, export), the drawing, the simulator and a
// legend. Draws only what the extension sends, after validating it (messages.ts); talks back with the
// typed messages of common/routing-messages.ts. State survives a reload through vscode.setState.
import type { FromWebviewMessage, PreviewState, RenderedSummary, ScopeChoice, ToWebviewMessage } from '../../common/routing-messages';
import type { RoutingGraph, RoutingNode, SimulatedRequest, SimulationResult } from '../../common/routing';
import { isRecord, scopeChoice } from '../shared/validate';
import { clear, htmlEl, svgEl } from './dom';
import { exportPng, exportSvg } from './export';
import { filterGraph } from './filter';
import { layoutGraph } from './layout';
import { toWebviewMessage } from './messages';
import { applyHighlight, nodeSizes, renderGraph, type Rendered } from './render';
import { EMPTY_FIELDS, type SimulatorFields } from './request-parse';
import { SimulatorForm } from './simulator-form';
import { Tooltip } from './tooltip';
import { ZoomPan } from './zoom-pan';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** The saved state, read as untrusted: an older or damaged state falls back to defaults field by field. */
function restore(): { choice: ScopeChoice; filter: string; simulator: SimulatorFields } {
  const s = vscode.getState();
  const r = isRecord(s) ? s : {};
  let choice: ScopeChoice = { kind: 'file' };
  try {
    choice = scopeChoice(r.choice);
  } catch {
    // keep the default
  }
  const sim = isRecord(r.simulator) ? r.simulator : {};
  const simulator = Object.fromEntries(Object.entries(EMPTY_FIELDS).map(([k, v]) => [k, typeof sim[k] === 'string' ? (sim[k] as string).slice(0, 4000) : v])) as unknown as SimulatorFields;
  return { choice, filter: typeof r.filter === 'string' ? r.filter.slice(0, 1000) : '', simulator };
}

const saved = restore();
let choice: ScopeChoice = saved.choice;
let current: { graph: RoutingGraph; title: string } | undefined;
let rendered: Rendered | undefined;
let simulation: SimulationResult | undefined;
let lastRequest: SimulatedRequest | undefined;
let renderToken = 0;
let fitPending = true;

// ---- the page ----
const app = document.getElementById('app') ?? document.body;
const toolbar = htmlEl('header', { class: 'toolbar' });
const scopeSelect = htmlEl('select', { id: 'scope', 'aria-label': 'What to show' });
for (const [value, label] of [['resource', 'Resource under the cursor'], ['file', 'Current file'], ['host', 'Host…'], ['workspace', 'Whole workspace']]) {
  scopeSelect.appendChild(htmlEl('option', { value }, label));
}
const hostInput = htmlEl('input', { id: 'scope-host', type: 'text', placeholder: 'host, e.g. reviews', 'aria-label': 'Host', spellcheck: 'false' });
const filterInput = htmlEl('input', { id: 'filter', type: 'search', placeholder: 'Filter nodes', 'aria-label': 'Filter nodes by name', spellcheck: 'false' });
filterInput.value = saved.filter;
const button = (id: string, text: string, title: string) => htmlEl('button', { id, type: 'button', title, 'aria-label': title, class: 'tool' }, text);
const zoomOut = button('zoom-out', '−', 'Zoom out');
const zoomIn = button('zoom-in', '+', 'Zoom in');
const zoomFit = button('zoom-fit', 'Fit', 'Fit the drawing in the view');
const exportSvgButton = button('export-svg', 'SVG', 'Export as SVG');
const exportPngButton = button('export-png', 'PNG', 'Export as PNG');
toolbar.append(
  htmlEl('label', { for: 'scope', class: 'toolbar-label' }, 'Show'),
  scopeSelect,
  hostInput,
  filterInput,
  htmlEl('span', { class: 'spacer' }),
  zoomOut,
  zoomIn,
  zoomFit,
  htmlEl('span', { class: 'toolbar-label' }, 'Export'),
  exportSvgButton,
  exportPngButton,
);
const status = htmlEl('div', { class: 'status', id: 'status', role: 'status' });
const errorBar = htmlEl('div', { class: 'error-bar', id: 'error', role: 'alert', hidden: '' });
const canvas = htmlEl('div', { class: 'canvas', id: 'canvas' });
const svg = svgEl('svg', { id: 'graph', class: 'graph', role: 'group', 'aria-label': 'Routing graph' });
const viewport = svgEl('g', { class: 'viewport' });
svg.appendChild(viewport);
const empty = htmlEl('div', { class: 'empty', id: 'empty', hidden: '' });
const tooltip = new Tooltip();
canvas.append(svg, empty, tooltip.el);
const side = htmlEl('aside', { class: 'side' });
const simulator = new SimulatorForm(saved.simulator, (request) => simulate(request), () => clearSimulation(), () => save());
side.append(simulator.el, legend());
const body = htmlEl('div', { class: 'body' });
body.append(canvas, side);
app.append(toolbar, status, errorBar, body);

const zoom = new ZoomPan(svg, viewport);

function legend(): HTMLElement {
  const el = htmlEl('section', { class: 'legend', 'aria-label': 'Legend' });
  el.appendChild(htmlEl('h2', {}, 'Legend'));
  const items: [string, string][] = [
    ['kind-gateway', 'Gateway or the mesh (sidecars)'],
    ['kind-virtualService', 'VirtualService'],
    ['kind-rule', 'Rule, in match order'],
    ['kind-fallthrough', 'No rule matches → 404'],
    ['kind-service', 'Service (host)'],
    ['kind-subset', 'Subset of a DestinationRule'],
    ['kind-workload', 'Workload (pods)'],
    ['state-broken', 'Broken reference'],
    ['state-unreachable', 'Unreachable rule'],
  ];
  const ul = htmlEl('ul');
  for (const [cls, text] of items) {
    const li = htmlEl('li');
    li.append(htmlEl('span', { class: `swatch ${cls}` }), htmlEl('span', {}, text));
    ul.appendChild(li);
  }
  const hl = htmlEl('li');
  hl.append(htmlEl('span', { class: 'swatch swatch-hl' }), htmlEl('span', {}, 'Path of the simulated request'));
  ul.appendChild(hl);
  el.appendChild(ul);
  el.appendChild(htmlEl('p', { class: 'legend-note' }, 'Edge labels give the share of a rule’s traffic; dashed purple edges are mirrors.'));
  return el;
}

// ---- state and messages ----
function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function save(): void {
  vscode.setState({ choice, filter: filterInput.value, simulator: { ...simulator.fields() } });
}

function showChoice(c: ScopeChoice): void {
  scopeSelect.value = c.kind;
  hostInput.hidden = c.kind !== 'host';
  if (c.kind === 'host') hostInput.value = c.namespace ? `${c.host} (${c.namespace})` : c.host;
}

function setChoice(c: ScopeChoice): void {
  choice = c;
  fitPending = true;
  showChoice(c);
  save();
  post({ type: 'setScope', choice: c });
}

function showError(message: string | undefined): void {
  errorBar.hidden = !message;
  errorBar.textContent = message ?? '';
}

function showEmpty(message: string | undefined): void {
  empty.hidden = !message;
  empty.textContent = message ?? '';
  svg.classList.toggle('hidden', !!message);
}

function simulate(request: SimulatedRequest): void {
  lastRequest = request;
  save();
  post({ type: 'simulate', request });
}

function clearSimulation(): void {
  lastRequest = undefined;
  simulation = undefined;
  if (rendered) applyHighlight(svg, rendered, [], []);
  reportRendered();
}

function reveal(node: RoutingNode): void {
  if (node.location) post({ type: 'reveal', nodeId: node.id });
}

function summary(): RenderedSummary {
  const texts = (sel: string) => [...svg.querySelectorAll(sel)].map((e) => e.textContent ?? '');
  return {
    nodes: svg.querySelectorAll('g.node').length,
    edges: svg.querySelectorAll('g.edge').length,
    labels: texts('g.node .node-label'),
    edgeLabels: texts('g.edge .edge-label text'),
    broken: svg.querySelectorAll('g.node.state-broken').length,
    unreachable: svg.querySelectorAll('g.node.state-unreachable').length,
    highlighted: svg.querySelectorAll('.hl').length,
  };
}

function reportRendered(): void {
  post({ type: 'rendered', summary: summary() });
}

function statusText(): string {
  if (!current) return '';
  const g = current.graph;
  const parts = [`${current.title}: ${g.nodes.length} nodes`];
  const broken = g.nodes.filter((n) => n.state === 'broken').length;
  if (broken) parts.push(`${broken} broken`);
  if (g.omitted) parts.push(`${g.omitted} more left out; narrow the scope or filter`);
  return parts.join(' · ');
}

async function draw(): Promise<void> {
  if (!current) return;
  const token = ++renderToken;
  const graph = filterGraph(current.graph, filterInput.value);
  status.textContent = statusText();
  if (!graph.nodes.length) {
    clear(viewport);
    rendered = undefined;
    tooltip.hide();
    showEmpty(
      current.graph.nodes.length
        ? `No node matches “${filterInput.value.trim()}”.`
        : `Nothing routes here: ${current.title} holds no Gateway, VirtualService or Service. Choose “Whole workspace”, a host, or open a file with a VirtualService.`,
    );
    reportRendered();
    return;
  }
  try {
    const layout = await layoutGraph(graph, nodeSizes(graph));
    if (token !== renderToken) return;
    showEmpty(undefined);
    tooltip.hide();
    rendered = renderGraph(svg, viewport, graph, layout, {
      reveal,
      hover: (node, anchor) => (node && anchor ? tooltip.show(node, anchor, canvas) : tooltip.hide()),
    });
    if (fitPending || !zoom.touched) zoom.fit(rendered.bounds);
    fitPending = false;
    if (simulation) applyHighlight(svg, rendered, simulation.highlight.nodes, simulation.highlight.edges);
    reportRendered();
  } catch (error) {
    if (token === renderToken) showError(`The layout failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function onMessage(message: ToWebviewMessage): void {
  switch (message.type) {
    case 'graph': {
      const scopeChanged = JSON.stringify(message.choice) !== JSON.stringify(choice);
      if (scopeChanged) fitPending = true;
      choice = message.choice;
      showChoice(choice);
      save();
      showError(undefined);
      current = { graph: message.graph, title: message.title };
      const host = message.graph.scope.kind === 'host' ? message.graph.scope.host : message.graph.nodes.find((n) => n.kind === 'service')?.label;
      if (host) simulator.suggestHost(host);
      void draw();
      // The graph changed (an edit): the request's path may have changed with it.
      if (lastRequest) post({ type: 'simulate', request: lastRequest });
      return;
    }
    case 'empty':
      choice = message.choice;
      showChoice(choice);
      current = undefined;
      rendered = undefined;
      clear(viewport);
      status.textContent = '';
      showEmpty(message.message);
      reportRendered();
      return;
    case 'simulation':
      simulation = message.result;
      simulator.showResult(message.result);
      if (rendered) applyHighlight(svg, rendered, message.result.highlight.nodes, message.result.highlight.edges);
      reportRendered();
      return;
    case 'error':
      showError(message.message);
      return;
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  let message: ToWebviewMessage;
  try {
    message = toWebviewMessage(ev.data);
  } catch (error) {
    showError(`Ignored an invalid message from the extension: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  onMessage(message);
});

// ---- controls ----
scopeSelect.addEventListener('change', () => {
  const kind = scopeSelect.value;
  if (kind === 'host') {
    hostInput.hidden = false;
    hostInput.focus();
    if (hostInput.value.trim()) submitHost();
    return;
  }
  setChoice(scopeChoice({ kind }));
});

function submitHost(): void {
  // `reviews (bookinfo)` or `reviews.bookinfo` style input: the optional namespace goes in parentheses.
  const m = /^\s*([^\s()]+)\s*(?:\(\s*([^\s()]+)\s*\))?\s*$/.exec(hostInput.value);
  if (!m) return showError('Enter a host, optionally followed by its namespace in parentheses: reviews (bookinfo).');
  showError(undefined);
  setChoice(m[2] ? { kind: 'host', host: m[1], namespace: m[2] } : { kind: 'host', host: m[1] });
}
hostInput.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') submitHost();
});
hostInput.addEventListener('change', submitHost);

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterInput.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    fitPending = true;
    save();
    void draw();
  }, 120);
});

zoomIn.addEventListener('click', () => zoom.zoomBy(1.25));
zoomOut.addEventListener('click', () => zoom.zoomBy(0.8));
zoomFit.addEventListener('click', () => rendered && zoom.fit(rendered.bounds));
canvas.addEventListener('keydown', (ev) => {
  if (ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement) return;
  if (ev.key === '+' || ev.key === '=') zoom.zoomBy(1.25);
  else if (ev.key === '-') zoom.zoomBy(0.8);
  else if (ev.key === '0' && rendered) zoom.fit(rendered.bounds);
});

async function doExport(format: 'svg' | 'png'): Promise<void> {
  if (!rendered) return showError('Nothing to export yet.');
  try {
    const { text, width, height } = exportSvg(svg, rendered.bounds);
    post({ type: 'export', format, data: format === 'svg' ? text : await exportPng(text, width, height) });
  } catch (error) {
    showError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
exportSvgButton.addEventListener('click', () => void doExport('svg'));
exportPngButton.addEventListener('click', () => void doExport('png'));

window.addEventListener('resize', () => {
  if (rendered && !zoom.touched) zoom.fit(rendered.bounds);
});

showChoice(choice);
showEmpty('Loading the routing graph…');
post({ type: 'ready' });
