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
