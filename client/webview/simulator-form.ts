// The request simulator's form and its result (the summary sentence and the rule-by-rule steps).
import type { SimulatedRequest, SimulationResult } from '../../common/routing';
import { clear, htmlEl } from './dom';
import { EMPTY_FIELDS, parseRequest, type SimulatorFields } from './request-parse';

type FieldName = keyof SimulatorFields;

const FIELDS: { name: FieldName; label: string; placeholder: string; multiline?: boolean; options?: string[] }[] = [
  { name: 'host', label: 'Host', placeholder: 'reviews or bookinfo.example.com' },
  { name: 'path', label: 'Path', placeholder: '/' },
  { name: 'method', label: 'Method', placeholder: 'GET', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] },
  { name: 'port', label: 'Port', placeholder: "the host's first port" },
  { name: 'headers', label: 'Headers', placeholder: 'end-user: jason', multiline: true },
  { name: 'sourceLabels', label: 'Source labels', placeholder: 'app=productpage, version=v1' },
  { name: 'sourceNamespace', label: 'Source namespace', placeholder: 'default' },
  { name: 'gateway', label: 'From', placeholder: 'mesh or namespace/gateway' },
];

const OUTCOME_TEXT: Record<SimulationResult['outcome'], string> = {
  routed: 'Routed',
  redirect: 'Redirected',
  directResponse: 'Answered by the proxy',
  notFound: 'No rule matches: 404',
  noVirtualService: 'No VirtualService: default routing',
};

export class SimulatorForm {
  readonly el = htmlEl('section', { class: 'simulator', 'aria-label': 'Request simulator' });
  private readonly inputs = new Map<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  private readonly error = htmlEl('div', { class: 'sim-error', role: 'alert' });
  private readonly result = htmlEl('div', { class: 'sim-result', id: 'sim-result' });

  constructor(initial: SimulatorFields, private readonly submit: (r: SimulatedRequest) => void, private readonly reset: () => void, private readonly changed: () => void) {
    this.el.appendChild(htmlEl('h2', {}, 'Simulate a request'));
    const form = htmlEl('form', { class: 'sim-form', autocomplete: 'off' });
    for (const f of FIELDS) {
      const id = `sim-${f.name}`;
      const row = htmlEl('div', { class: `sim-row sim-row-${f.name}` });
      row.appendChild(htmlEl('label', { for: id }, f.label));
      let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      if (f.options) {
        input = htmlEl('select', { id, name: f.name });
        for (const o of f.options) input.appendChild(htmlEl('option', { value: o }, o));
      } else if (f.multiline) {
        input = htmlEl('textarea', { id, name: f.name, rows: 2, placeholder: f.placeholder, spellcheck: 'false' });
      } else {
        input = htmlEl('input', { id, name: f.name, type: 'text', placeholder: f.placeholder, spellcheck: 'false' });
      }
      input.value = initial[f.name] ?? EMPTY_FIELDS[f.name];
      input.addEventListener('input', () => this.changed());
      this.inputs.set(f.name, input);
      row.appendChild(input);
      form.appendChild(row);
    }
    const buttons = htmlEl('div', { class: 'sim-buttons' });
    buttons.appendChild(htmlEl('button', { type: 'submit', id: 'sim-run' }, 'Simulate'));
    const clearButton = htmlEl('button', { type: 'button', id: 'sim-clear', class: 'secondary' }, 'Clear');
    clearButton.addEventListener('click', () => {
      this.showResult(undefined);
      this.reset();
    });
    buttons.appendChild(clearButton);
    form.appendChild(buttons);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const parsed = parseRequest(this.fields());
      if ('error' in parsed) {
        this.error.textContent = parsed.error;
        return;
      }
      this.error.textContent = '';
      this.submit(parsed.request);
    });
    this.el.append(form, this.error, this.result);
  }

  fields(): SimulatorFields {
    const v = (n: FieldName) => this.inputs.get(n)?.value ?? '';
    return { host: v('host'), path: v('path'), method: v('method'), port: v('port'), headers: v('headers'), sourceLabels: v('sourceLabels'), sourceNamespace: v('sourceNamespace'), gateway: v('gateway') };
  }

  /** Pre-fills the host (from the graph) when the user has not typed one. */
  suggestHost(host: string): void {
    const input = this.inputs.get('host');
    if (input instanceof HTMLInputElement && !input.value) input.placeholder = host;
  }

  showResult(result: SimulationResult | undefined): void {
    clear(this.result);
    if (!result) return;
    this.result.appendChild(htmlEl('div', { class: `sim-outcome outcome-${result.outcome}` }, OUTCOME_TEXT[result.outcome]));
    this.result.appendChild(htmlEl('p', { class: 'sim-summary' }, result.summary));
    if (result.destinations.length || result.mirrors.length) {
      const ul = htmlEl('ul', { class: 'sim-destinations' });
      for (const d of result.destinations) ul.appendChild(htmlEl('li', {}, `${d.weight}% → ${d.node.replace(/^(service|subset|workload):/, '')}${d.port ? ` port ${d.port}` : ''}`));
      for (const m of result.mirrors) ul.appendChild(htmlEl('li', { class: 'mirror' }, `mirror ${m.percentage}% → ${m.node.replace(/^(service|subset|workload):/, '')}`));
      this.result.appendChild(ul);
    }
    if (result.steps.length) {
      const ol = htmlEl('ol', { class: 'sim-steps' });
      for (const s of result.steps) ol.appendChild(htmlEl('li', {}, s));
      this.result.appendChild(ol);
    }
  }
}
