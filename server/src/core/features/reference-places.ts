// Where references and their targets are in the files: the resource and field path under a cursor,
// the reference site or the definition there, and file locations of field paths. Shared by
// definition, references, rename, highlights and code lenses.
import { documentAt, type FileModel, resourceBase } from '../model/file';
import type { Resource } from '../model/resource';
import { keyOf, type WorkspaceIndex } from '../index/workspace-index';
import { referenceSites, type ReferenceSite, type Target } from '../index/references';
import { workloadOf } from '../index/workloads';
import type { Location, Position } from '../types';
import { type FieldPath, offsetInfo, type PathSegment, rangeInDocument, type RangeTarget } from '../yaml/path';

/** What the navigation features read from a snapshot. */
export interface NavigationHost {
  file(uri: string): FileModel | undefined;
  index(): WorkspaceIndex;
}

/**
 * The path of a resource's value inside its YAML document: empty, except for the items of a
 * `kind: List` document, whose resources carry the prefix (`items[3]`) as `root`.
 */
export function rootOf(resource: Resource): FieldPath {
  return (resource as Resource & { readonly root?: FieldPath }).root ?? [];
}

export function docPath(resource: Resource, path: FieldPath): FieldPath {
  const root = rootOf(resource);
  return root.length ? [...root, ...path] : path;
}

export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

export function pathEquals(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && startsWith(a, b);
}

export function sameResource(a: Resource, b: Resource): boolean {
  return a === b || (a.uri === b.uri && a.parsed.origin === b.parsed.origin && pathEquals(rootOf(a), rootOf(b)));
}

export function sameTarget(a: Target, b: Target): boolean {
  return sameResource(a.resource, b.resource) && pathEquals(a.path, b.path);
}

/** The resource and field under a cursor. */
export interface Spot {
  readonly file: FileModel;
  readonly resource: Resource;
  /** Path relative to the resource's value. */
  readonly path: readonly PathSegment[];
  readonly onKey: boolean;
  /** The scalar under the cursor, in chunk offsets. */
  readonly scalar?: { readonly value: unknown; readonly start: number; readonly end: number };
}

export function spotAt(file: FileModel, position: Position): Spot | undefined {
  const at = documentAt(file, file.parsed.lines.offset(position));
  if (!at) return undefined;
  const info = offsetInfo(at.doc, at.placed.chunk.text, at.offset);
  let best: Resource | undefined;
  for (const r of file.resources) {
    if (r.parsed.origin !== at.doc.origin || !startsWith(info.path, rootOf(r))) continue;
    if (!best || rootOf(r).length > rootOf(best).length) best = r;
  }
  if (!best) return undefined;
  return { file, resource: best, path: info.path.slice(rootOf(best).length), onKey: info.onKey, scalar: info.scalar };
}

/**
 * The reference site under the cursor: the value of a scalar reference, or anywhere on a selector's
 * labels (its key, a label's key or value).
 */
export function siteAt(spot: Spot): ReferenceSite | undefined {
  for (const site of referenceSites(spot.resource)) {
    if (site.rule.type === 'selector') {
      if (startsWith(spot.path, site.path) && spot.path.length <= site.path.length + 1) return site;
    } else if (!spot.onKey && pathEquals(spot.path, site.path)) {
      return site;
    }
  }
  return undefined;
}

/**
 * The definition under the cursor, when the cursor is on something references can name: a name, a
 * DestinationRule subset's name, a ServiceEntry host, a Service or ServiceEntry port, a workload's
 * labels.
 */
export function declarationAt(spot: Spot): Target | undefined {
  const { resource, path } = spot;
  const kind = keyOf(resource);
  if (!spot.onKey && pathEquals(path, ['metadata', 'name'])) return { resource, path: ['metadata', 'name'] };
  if (kind === 'DestinationRule' && !spot.onKey && path.length === 4 && startsWith(path, ['spec', 'subsets']) && path[3] === 'name') return { resource, path };
  if (kind === 'ServiceEntry' && !spot.onKey && path.length === 3 && startsWith(path, ['spec', 'hosts'])) return { resource, path };
  if ((kind === 'Service' || kind === 'ServiceEntry') && path.length >= 3 && startsWith(path, ['spec', 'ports']) && typeof path[2] === 'number') return { resource, path: path.slice(0, 3) };
  const workload = workloadOf(resource);
  if (workload && startsWith(path, workload.labelsPath)) return { resource, path: workload.labelsPath };
  return undefined;
}

/** The location of a field of a resource. */
export function locationOf(host: NavigationHost, resource: Resource, path: FieldPath, target: RangeTarget = 'value'): Location | undefined {
  const file = host.file(resource.uri);
  const base = file && resourceBase(file, resource);
  if (!file || base === undefined) return undefined;
  const [start, end] = rangeInDocument(resource.parsed, resource.chunk.text, docPath(resource, path), target);
  return { uri: resource.uri, range: file.parsed.lines.range(base + start, base + end) };
}

/** Where a target is shown: a port entry by its number, anything else by its own range. */
export function targetLocation(host: NavigationHost, target: Target): Location | undefined {
  const { resource, path } = target;
  const kind = keyOf(resource);
  if (path.length === 3 && path[1] === 'ports' && typeof path[2] === 'number') {
    if (kind === 'Service') return locationOf(host, resource, [...path, 'port']);
    if (kind === 'ServiceEntry') return locationOf(host, resource, [...path, 'number']);
  }
  return locationOf(host, resource, path);
}

export function siteLocation(host: NavigationHost, site: ReferenceSite): Location | undefined {
  return locationOf(host, site.resource, site.path);
}

function before(a: Location, b: Location): number {
  return a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Locations without duplicates, in file and position order. */
export function uniqueLocations(locations: readonly (Location | undefined)[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const l of locations) {
    if (!l) continue;
    const key = `${l.uri}|${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out.sort(before);
}
