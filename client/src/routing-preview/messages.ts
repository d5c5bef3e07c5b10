// Validates what the webview posts and what it stored for a reload: the webview is a separate page, so
// its messages are untrusted input. Pure (no vscode) so the vitest tier tests it directly.
import type { FromWebviewMessage, PreviewState, RenderedSummary } from '../../../common/routing-messages';
import { isRecord, list, num, oneOf, optionalText, record, scopeChoice, simulatedRequest, text } from '../../shared/validate';

/** An exported drawing larger than this is refused (a big workspace's SVG is a few MB). */
export const MAX_EXPORT_CHARS = 40 * 1024 * 1024;

function summary(v: unknown): RenderedSummary {
  const r = record(v, 'summary');
  const count = (x: unknown, w: string) => num(x, w, 0, 1e6);
  const strings = (x: unknown, w: string) => list(x, w, 10_000, (y, w2) => text(y, w2, 1000));
  return {
    nodes: count(r.nodes, 'nodes'),
    edges: count(r.edges, 'edges'),
    labels: strings(r.labels, 'labels'),
    edgeLabels: strings(r.edgeLabels, 'edgeLabels'),
    broken: count(r.broken, 'broken'),
    unreachable: count(r.unreachable, 'unreachable'),
    highlighted: count(r.highlighted, 'highlighted'),
  };
}

function exportData(format: 'svg' | 'png', v: unknown): string {
  const data = text(v, 'data', MAX_EXPORT_CHARS);
  if (format === 'svg' && !/^<svg[\s>]/.test(data)) throw new Error('data: not an SVG document');
  if (format === 'png' && !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new Error('data: not base64');
  return data;
}

/** The message, checked and copied; throws with the first bad field. */
export function fromWebviewMessage(v: unknown): FromWebviewMessage {
  const r = record(v, 'message');
  const type = oneOf(r.type, ['ready', 'setScope', 'reveal', 'simulate', 'export', 'rendered'] as const, 'message.type');
  switch (type) {
    case 'ready':
      return { type };
    case 'setScope':
      return { type, choice: scopeChoice(r.choice) };
    case 'reveal':
      return { type, nodeId: text(r.nodeId, 'nodeId', 2000) };
    case 'simulate':
      return { type, request: simulatedRequest(r.request) };
    case 'export': {
      const format = oneOf(r.format, ['svg', 'png'] as const, 'format');
      return { type, format, data: exportData(format, r.data) };
    }
    case 'rendered':
      return { type, summary: summary(r.summary) };
  }
}

/** The state a restored panel starts from; anything unreadable falls back to the default scope. */
export function previewState(v: unknown): PreviewState {
  const fallback: PreviewState = { choice: { kind: 'file' } };
  if (!isRecord(v)) return fallback;
  try {
    const filter = optionalText(v.filter, 'filter', 1000);
    return { choice: scopeChoice(v.choice), ...(filter ? { filter } : {}) };
  } catch {
    return fallback;
  }
}
