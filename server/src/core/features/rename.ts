// Rename a DestinationRule subset or an Istio Gateway, from its definition or from any reference to
// it, across files as one edit. Gateway references keep the form they were written in (`name`,
// `ns/name`, `./name`, legacy `name.ns…`): only the name part changes.
import { isScalar } from 'yaml';
import { resolveSite, type ReferenceSite, type Target } from '../index/references';
import { valueAt } from '../index/field-paths';
import { parseGatewayName } from '../index/resolve-gateway';
import { subsetsOf } from '../index/resolve-destination';
import { keyOf } from '../index/workspace-index';
import { resourceBase } from '../model/file';
import type { Resource } from '../model/resource';
import type { Position, RenamePlace, RenameRejection, TextEdit, WorkspaceEdit } from '../types';
import { type FieldPath, locate } from '../yaml/path';
import { sitesReferencing } from './reference-graph';
import { declarationAt, docPath, type NavigationHost, siteAt, spotAt } from './reference-places';

type Renamed = 'subset' | 'gateway';

interface Subject {
  readonly what: Renamed;
  readonly targets: readonly Target[];
  /** The scalar under the cursor and the part of its value that is the name. */
  readonly resource: Resource;
  readonly path: FieldPath;
  readonly part: readonly [number, number];
  readonly name: string;
}

const ONLY = 'Only DestinationRule subsets and Istio Gateways can be renamed.';

/** Where the gateway's name lies in a reference: after the slash, or before the first dot (legacy). */
function gatewayNamePart(value: string, namespace: string): [number, number] {
  const ref = parseGatewayName(value, namespace);
  if (ref.form === 'qualified' || ref.form === 'dot-slash') return [value.indexOf('/') + 1, value.length];
  if (ref.form === 'legacy') return [0, value.indexOf('.')];
  return [0, value.length];
}

function fromSite(host: NavigationHost, site: ReferenceSite): Subject | RenameRejection {
  const resolution = resolveSite(site, host.index().view());
  if (site.rule.type === 'subset') {
    if (!resolution.targets.length) return { error: `Subset '${site.value}' is not defined by any DestinationRule in the workspace.` };
    return { what: 'subset', targets: resolution.targets, resource: site.resource, path: site.path, part: [0, site.value.length], name: site.value };
  }
  if (site.rule.type === 'gateway') {
    if (resolution.builtIn) return { error: `'${site.value}' is built in, not a Gateway of the workspace.` };
    const [target] = resolution.targets;
    if (!target) return { error: `Gateway '${site.value}' is not defined in the workspace.` };
    if (keyOf(target.resource) !== 'Gateway') return { error: `'${site.value}' is a Gateway API Gateway; renaming those is not supported.` };
    const part = gatewayNamePart(site.value, site.resource.namespace);
    return { what: 'gateway', targets: [target], resource: site.resource, path: site.path, part, name: site.value.slice(part[0], part[1]) };
  }
  return { error: `Renaming a ${site.rule.label} is not supported. ${ONLY}` };
}

function subjectAt(host: NavigationHost, uri: string, position: Position): Subject | RenameRejection | undefined {
  const file = host.file(uri);
  const spot = file && spotAt(file, position);
  if (!spot) return undefined;
  const site = siteAt(spot);
  if (site) return fromSite(host, site);
  const declaration = declarationAt(spot);
  if (!declaration) return undefined;
  const kind = keyOf(declaration.resource);
  const value = typeof spot.scalar?.value === 'string' ? spot.scalar.value : undefined;
  const isSubset = kind === 'DestinationRule' && declaration.path[1] === 'subsets';
  const isGateway = kind === 'Gateway' && declaration.path[0] === 'metadata';
  if ((!isSubset && !isGateway) || value === undefined) return { error: ONLY };
  return { what: isSubset ? 'subset' : 'gateway', targets: [declaration], resource: declaration.resource, path: declaration.path, part: [0, value.length], name: value };
}

/** Replaces part of a scalar's value, in place when the source spells the value literally. */
function scalarEdit(host: NavigationHost, resource: Resource, path: FieldPath, part: readonly [number, number], replacement: string): TextEdit | undefined {
  const file = host.file(resource.uri);
  const { node, depth } = locate(resource.parsed.doc, docPath(resource, path));
  const base = file && resourceBase(file, resource);
  if (!file || base === undefined || depth < docPath(resource, path).length || !isScalar(node) || !node.range) return undefined;
  const value = String(node.value);
  const [start, end] = node.range;
  const raw = resource.chunk.text.slice(start, end);
  const quote = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
  const literal = raw.slice(quote, raw.length - quote) === value;
  const whole = part[0] === 0 && part[1] === value.length;
  if (literal && !(whole && !quote && needsQuotes(replacement))) {
    return { range: file.parsed.lines.range(base + start + quote + part[0], base + start + quote + part[1]), newText: replacement };
  }
  // Escapes or a name YAML would read as another type: write the whole value, double-quoted.
  const next = value.slice(0, part[0]) + replacement + value.slice(part[1]);
  return { range: file.parsed.lines.range(base + start, base + end), newText: JSON.stringify(next) };
}

/** Plain scalars YAML 1.1 (Kubernetes' decoder) would read as numbers, booleans or null. */
function needsQuotes(text: string): boolean {
  return /^(?:[-+]?[0-9][0-9_.eE+-]*|true|false|yes|no|on|off|y|n|null|~)$/i.test(text);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkName(nav: NavigationHost, subject: Subject, newName: string): RenameRejection | undefined {
  if (!DNS_LABEL.test(newName) || newName.length > 63) {
    // A dotted Gateway name would be read back as the legacy `name.namespace` form.
    return { error: `'${newName}' is not a valid ${subject.what} name: use lower-case letters, digits and '-' (at most 63 characters, no dots).` };
  }
  for (const { resource: r } of subject.targets) {
    if (subject.what === 'subset' && subsetsOf(r).some((s) => s.name === newName)) return { error: `DestinationRule ${r.namespace}/${r.name} already has a subset '${newName}'.` };
    if (subject.what === 'gateway' && nav.index().view().get('Gateway', r.namespace, newName)) return { error: `Gateway ${r.namespace}/${newName} already exists.` };
  }
  return undefined;
}

export function prepareRename(nav: NavigationHost, uri: string, position: Position): RenamePlace | RenameRejection | undefined {
  const subject = subjectAt(nav, uri, position);
  if (!subject || 'error' in subject) return subject;
  const edit = scalarEdit(nav, subject.resource, subject.path, subject.part, subject.name);
  return edit ? { range: edit.range, placeholder: subject.name } : undefined;
}

export function rename(nav: NavigationHost, uri: string, position: Position, newName: string): WorkspaceEdit | RenameRejection | undefined {
  const subject = subjectAt(nav, uri, position);
  if (!subject || 'error' in subject) return subject;
  if (newName === subject.name) return { changes: {} };
  const rejected = checkName(nav, subject, newName);
  if (rejected) return rejected;
  const index = nav.index();
  const edits: (TextEdit & { uri: string })[] = [];
  const add = (resource: Resource, edit: TextEdit | undefined) => {
    if (edit) edits.push({ ...edit, uri: resource.uri });
  };
  for (const target of subject.targets) {
    const name = String(valueAt(target.resource.value, target.path) ?? '');
    add(target.resource, scalarEdit(nav, target.resource, target.path, [0, name.length], newName));
    for (const { site } of sitesReferencing(index, target)) {
      const part = subject.what === 'gateway' ? gatewayNamePart(site.value, site.resource.namespace) : ([0, site.value.length] as const);
      add(site.resource, scalarEdit(nav, site.resource, site.path, part, newName));
    }
  }
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const { uri: file, ...edit } of edits) {
    const key = `${file}|${edit.range.start.line}:${edit.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[file] ??= []).push(edit);
  }
  return { changes };
}
