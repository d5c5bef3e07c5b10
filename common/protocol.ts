// Custom LSP notifications between the client and the server. Types and method names only.

/** Server → client: the server finished indexing the workspace (status bar shows the count). */
export namespace IndexedNotification {
  export const method = 'istioYaml/indexed';
  export interface Params {
    readonly files: number;
    readonly resources: number;
    readonly istioResources: number;
    readonly millis: number;
  }
}

/**
 * Server → client: a diagnostics pass over every pending file ended and nothing is pending. Clean
 * files get no publishDiagnostics, so this is how tests and the benchmark know a pass is over.
 */
export namespace AnalysisIdleNotification {
  export const method = 'istioYaml/analysisIdle';
  export interface Params {
    /** Files scheduled for the pass (changed files; their dependents are added by the pass). */
    readonly scheduled: number;
    /** From the first change scheduled after the previous pass to the end of this one, debounce included. */
    readonly millis: number;
  }
}
