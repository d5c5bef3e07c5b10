// A rule's `fieldPath` (`.spec.ports`, `.testList['foo.34$']`) as a JSON pointer suffix, so the error
// points where the rule's author asked rather than at the object carrying the rule.

/** Parses the Kubernetes relative JSON path; undefined when it is malformed. */
export function parseFieldPath(fieldPath: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  let i = 0;
  while (i < fieldPath.length) {
    if (fieldPath[i] === '.') {
      let end = i + 1;
      while (end < fieldPath.length && fieldPath[end] !== '.' && fieldPath[end] !== '[') end++;
      if (end === i + 1) return undefined;
      segments.push(fieldPath.slice(i + 1, end));
      i = end;
    } else if (fieldPath[i] === '[') {
      const quote = fieldPath[i + 1];
      if (quote === "'" || quote === '"') {
        const close = fieldPath.indexOf(`${quote}]`, i + 2);
        if (close < 0) return undefined;
        segments.push(fieldPath.slice(i + 2, close));
        i = close + 2;
      } else {
        const match = /^\[(\d+)\]/.exec(fieldPath.slice(i));
        if (!match) return undefined;
        segments.push(Number(match[1]));
        i += match[0].length;
      }
    } else {
      return undefined;
    }
  }
  return segments;
}

/** `/a/b~1c` for the segments of a fieldPath; '' when there is none or it is malformed. */
export function fieldPathPointer(fieldPath: string | undefined): string {
  if (!fieldPath) return '';
  const segments = parseFieldPath(fieldPath);
  if (!segments) return '';
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
