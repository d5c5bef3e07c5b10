// Messages between the routing preview's webview and the extension. Types only: both sides validate
// what they receive (client/webview/messages.ts, client/src/routing-preview/messages.ts), because a
// webview is a separate page and anything it posts is untrusted input.
import type { RoutingGraph, SimulatedRequest, SimulationResult } from './routing';

/** What the scope picker offers; the extension turns it into a RoutingScope with the editor's file and cursor. */
export type ScopeChoice =
  | { readonly kind: 'resource' }
  | { readonly kind: 'file' }
  | { readonly kind: 'host'; readonly host: string; readonly namespace?: string }
  | { readonly kind: 'workspace' };

/** Extension → webview. */
export type ToWebviewMessage =
  /** A graph to draw; `title` says what it is ("routes.yaml", "host reviews", "whole workspace"). */
  | { readonly type: 'graph'; readonly graph: RoutingGraph; readonly title: string; readonly choice: ScopeChoice }
  /** Nothing to draw, and why ("Open an Istio file…", "The language server is starting…"). */
  | { readonly type: 'empty'; readonly message: string; readonly choice: ScopeChoice }
  | { readonly type: 'simulation'; readonly result: SimulationResult }
  | { readonly type: 'error'; readonly message: string };

/** What the webview drew, reported after each render (the in-editor tests read it through a command). */
export interface RenderedSummary {
  readonly nodes: number;
  readonly edges: number;
  readonly labels: readonly string[];
  readonly edgeLabels: readonly string[];
  readonly broken: number;
  readonly unreachable: number;
  readonly highlighted: number;
}

/** Webview → extension. */
export type FromWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setScope'; readonly choice: ScopeChoice }
  /** Reveal a node's YAML: only the id travels; the extension looks the location up in the graph it sent. */
  | { readonly type: 'reveal'; readonly nodeId: string }
  | { readonly type: 'simulate'; readonly request: SimulatedRequest }
  /** `data` is the SVG text, or the PNG as base64 (no data: prefix). */
  | { readonly type: 'export'; readonly format: 'svg' | 'png'; readonly data: string }
  | { readonly type: 'rendered'; readonly summary: RenderedSummary };

/** What the webview keeps across reloads (vscode.setState); the panel serializer reads `choice`. */
export interface PreviewState {
  readonly choice: ScopeChoice;
  readonly filter?: string;
  readonly simulator?: Readonly<Record<string, string>>;
}
