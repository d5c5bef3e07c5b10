// The routing preview's extension side, without VS Code: the page's Content Security Policy and the
// validation of what the webview posts (untrusted input).
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, makeNonce, previewHtml } from '../../client/src/routing-preview/html';
import { fromWebviewMessage, MAX_EXPORT_CHARS, previewState } from '../../client/src/routing-preview/messages';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('preview HTML', () => {
  const nonce = makeNonce((n) => Uint8Array.from({ length: n }, (_, i) => i * 7));
  const html = previewHtml({ cspSource: SOURCE, nonce, scriptUri: `${SOURCE}/dist/webview.js`, styleUri: `${SOURCE}/dist/webview.css` });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

  test('a nonce of 32 letters and digits', () => {
    expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(makeNonce((n) => new Uint8Array(n).fill(255))).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  test("the policy starts from default-src 'none' and allows scripts only with the nonce", () => {
    expect(csp.split('; ')[0]).toBe("default-src 'none'");
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).not.toMatch(/https?:\/\/(?!file\+\.vscode-resource)/);
    expect(csp).toBe(contentSecurityPolicy(SOURCE, nonce).replace(/&/g, '&amp;'));
  });

  test('the only script and stylesheet are ours, carry the nonce, and nothing is inline', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([`<script nonce="${nonce}" src="${SOURCE}/dist/webview.js">`]);
    expect(html).toContain(`<link rel="stylesheet" nonce="${nonce}" href="${SOURCE}/dist/webview.css">`);
    expect(html).not.toMatch(/<style|\son\w+=|javascript:/i);
  });

  test('attribute values are escaped', () => {
    const odd = previewHtml({ cspSource: SOURCE, nonce: 'n"><x', scriptUri: 'a"b', styleUri: 'c<d' });
    expect(odd).not.toContain('"><x');
    expect(odd).toContain('src="a&quot;b"');
    expect(odd).toContain('href="c&lt;d"');
  });
});

describe('messages from the webview', () => {
  test('known messages are copied field by field; unknown fields are dropped', () => {
    expect(fromWebviewMessage({ type: 'ready', extra: 1 })).toEqual({ type: 'ready' });
    expect(fromWebviewMessage({ type: 'reveal', nodeId: 'vs:bookinfo/reviews', uri: 'file:///etc/passwd' })).toEqual({ type: 'reveal', nodeId: 'vs:bookinfo/reviews' });
    expect(fromWebviewMessage({ type: 'setScope', choice: { kind: 'host', host: ' reviews ', namespace: 'bookinfo' } })).toEqual({ type: 'setScope', choice: { kind: 'host', host: 'reviews', namespace: 'bookinfo' } });
    const sim = fromWebviewMessage({ type: 'simulate', request: { host: 'reviews', path: '/', headers: { 'end-user': 'jason' }, port: 9080, sourceLabels: { app: 'productpage' }, gateway: 'mesh', evil: true } });
    expect(sim).toEqual({ type: 'simulate', request: { host: 'reviews', path: '/', headers: { 'end-user': 'jason' }, port: 9080, sourceLabels: { app: 'productpage' }, gateway: 'mesh' } });
  });

  test.each([
    ['not an object', 'ready'],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['a reveal without a node', { type: 'reveal' }],
    ['an unknown scope', { type: 'setScope', choice: { kind: 'everything' } }],
    ['an empty host', { type: 'setScope', choice: { kind: 'host', host: '  ' } }],
    ['a port out of range', { type: 'simulate', request: { host: 'a', port: 70000 } }],
    ['a header value that is not a string', { type: 'simulate', request: { host: 'a', headers: { x: 1 } } }],
    ['an SVG export that is not SVG', { type: 'export', format: 'svg', data: '<html>' }],
    ['a PNG export that is not base64', { type: 'export', format: 'png', data: 'data:image/png;base64,AAAA' }],
    ['an export in another format', { type: 'export', format: 'exe', data: 'AAAA' }],
    ['a rendered report with a negative count', { type: 'rendered', summary: { nodes: -1, edges: 0, labels: [], edgeLabels: [], broken: 0, unreachable: 0, highlighted: 0 } }],
  ])('refuses %s', (_, message) => {
    expect(() => fromWebviewMessage(message)).toThrow();
  });

  test('refuses an export larger than the limit without copying it', () => {
    expect(() => fromWebviewMessage({ type: 'export', format: 'svg', data: `<svg>${'x'.repeat(MAX_EXPORT_CHARS)}` })).toThrow(/longer than/);
  });

  test('the saved state of a restored panel falls back to the current file when unreadable', () => {
    expect(previewState({ choice: { kind: 'workspace' }, filter: 'reviews' })).toEqual({ choice: { kind: 'workspace' }, filter: 'reviews' });
    expect(previewState({ choice: { kind: 'nope' } })).toEqual({ choice: { kind: 'file' } });
    expect(previewState(undefined)).toEqual({ choice: { kind: 'file' } });
  });
});
