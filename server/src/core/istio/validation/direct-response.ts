// Direct responses of a VirtualService and the size of their bodies, shared by the error (> 1 MB)
// and warning (> 100 KB) analyzers.
import type { PathSegment } from '../../yaml/path';
import { utf8Length } from './regex';
import { list, obj, type JsonObject } from './values';

export function directResponses(spec: JsonObject): { response: JsonObject; path: PathSegment[] }[] {
  const out: { response: JsonObject; path: PathSegment[] }[] = [];
  list(spec.http).forEach((item, i) => {
    const response = obj(obj(item)?.directResponse);
    if (response) out.push({ response, path: ['spec', 'http', i, 'directResponse'] });
  });
  return out;
}

/** Body size in bytes: UTF-8 length of `string`, decoded length of base64 `bytes`. */
export function bodySize(body: unknown): number | undefined {
  const b = obj(body);
  if (!b) return undefined;
  if (typeof b.string === 'string') return utf8Length(b.string);
  if (typeof b.bytes === 'string') {
    const data = b.bytes.replace(/\s+/g, '');
    const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
    return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
  }
  return undefined;
}
