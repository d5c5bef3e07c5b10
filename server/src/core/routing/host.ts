// What the routing graph and the simulator read from a snapshot: files (for locations), the index
// (through the reference table) and the diagnostics (so a broken edge says what the analyzer says).
import type { NavigationHost } from '../features/reference-places';
import type { Diagnostic } from '../types';

export interface RoutingHost extends NavigationHost {
  diagnostics(uri: string): Diagnostic[];
  readonly settings: { readonly defaultNamespace: string };
}
