// The vocabulary of references: what a reference site is, what it resolves to.
import type { Resource } from '../model/resource';
import type { FieldPath } from '../yaml/path';
import type { KindKey } from './kind-key';
import type { PathPattern } from './field-paths';
import type { IndexView } from './workspace-index';
import type { Labels } from './workloads';

export type ReferenceType =
  | 'gateway'
  | 'host'
  | 'subset'
  | 'port'
  | 'delegate'
  | 'selector'
  | 'secret'
  | 'namespace'
  | 'principal'
  | 'target-ref';

/** A place in a resource that names another object. */
export interface ReferenceSite {
  readonly rule: ReferenceRule;
  readonly resource: Resource;
  /** Concrete path of the referring value. */
  readonly path: FieldPath;
  /** The text written there (a selector's `k=v,…` string for selectors). */
  readonly value: string;
  /** For selectors: the labels. */
  readonly labels?: Labels;
}

/** One thing a reference names: an object, and where in it (a subset entry, a port, a label map). */
export interface Target {
  readonly resource: Resource;
  readonly path: FieldPath;
}

export interface Resolution {
  readonly targets: readonly Target[];
  /**
   * False when the workspace holds none of the kinds the reference can point at: the target probably
   * lives elsewhere (another repository, the cluster), so "not found" is not a finding.
   */
  readonly decidable: boolean;
  /** Set when the value names something built in (`mesh`) or matches by pattern: nothing to look up. */
  readonly builtIn?: boolean;
}

export interface ReferenceRule {
  readonly from: KindKey;
  readonly path: PathPattern;
  readonly type: ReferenceType;
  /** Kinds the reference can name. */
  readonly to: readonly KindKey[];
  /** A mirror destination (messages say so, as istioctl does). */
  readonly mirror?: boolean;
  /** Selectors: where the selected workloads may live. */
  readonly selectorScope?: 'namespace' | 'any-namespace' | 'host-namespace';
  /** Human label for messages and hovers ("gateway", "destination host", …). */
  readonly label: string;
  readonly resolve: (site: ReferenceSite, view: IndexView) => Resolution;
}
