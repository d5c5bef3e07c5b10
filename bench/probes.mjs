// Where to ask for completion and hover: positions found in the generated texts by line patterns,
// sampled evenly over each pattern's matches so that they spread over files and over a big file.

const COMPLETION_PATTERNS = [
  // Values: the cursor right after "key: " (the start of the existing value).
  { kind: 'subset value', re: /^(\s*)subset: \S/, at: (m) => m[1].length + 'subset: '.length },
  { kind: 'host value', re: /^(\s*)host: \S/, at: (m) => m[1].length + 'host: '.length },
  { kind: 'enum value', re: /^(\s*)(simple|mode|action|location|resolution): \S/, at: (m) => m[1].length + m[2].length + 2 },
  // Keys: the cursor at the start of an existing key (route keys, trafficPolicy keys, spec keys).
  { kind: 'route key', re: /^(\s*)(timeout|retries|rewrite): /, at: (m) => m[1].length },
  { kind: 'traffic policy key', re: /^(\s*)(connectionPool|outlierDetection|loadBalancer):$/, at: (m) => m[1].length },
  { kind: 'spec key', re: /^( {2})(hosts|host|subsets|selector|rules|egress|exportTo|ports|mtls):/, at: (m) => m[1].length },
];

const HOVER_PATTERNS = [
  { kind: 'key', re: /^(\s*)(?:- )?([a-zA-Z][a-zA-Z0-9]*):/, at: (m) => m[0].length - 1 - Math.ceil(m[2].length / 2) },
  { kind: 'kind value', re: /^kind: (\w+)$/, at: () => 'kind: '.length + 2 },
  { kind: 'host value', re: /^(\s*)host: (\S+)$/, at: (m) => m[1].length + 'host: '.length + 2 },
  { kind: 'subset value', re: /^(\s*)subset: (\S+)$/, at: (m) => m[1].length + 'subset: '.length + 1 },
  { kind: 'gateway value', re: /^(\s*)- (istio-ingress\/\S+)$/, at: (m) => m[1].length + 4 },
];

/** For each line, whether it belongs to a document whose apiVersion is an Istio group. */
function istioLines(lines) {
  const out = new Array(lines.length).fill(false);
  let start = 0;
  const close = (end) => {
    const istio = lines.slice(start, end).some((l) => /^apiVersion: [a-z.]*istio\.io\//.test(l));
    for (let i = start; i < end; i++) out[i] = istio;
  };
  lines.forEach((line, index) => {
    if (line === '---') {
      close(index);
      start = index + 1;
    }
  });
  close(lines.length);
  return out;
}

function candidates(files, patterns) {
  const byKind = new Map(patterns.map((p) => [p.kind, []]));
  for (const file of files) {
    const lines = file.text.split('\n');
    // Only inside Istio resources: the server offers nothing for Kubernetes kinds.
    const istio = istioLines(lines);
    lines.forEach((line, index) => {
      if (!istio[index]) return;
      for (const p of patterns) {
        const m = p.re.exec(line);
        if (m) byKind.get(p.kind).push({ uri: file.uri, position: { line: index, character: p.at(m) }, kind: p.kind });
      }
    });
  }
  return byKind;
}

/** `count` positions, the same number per pattern, each pattern's matches sampled evenly. */
function sample(byKind, count) {
  const kinds = [...byKind.values()].filter((list) => list.length);
  // Equal shares; what a rare pattern cannot use goes to the others.
  const quota = kinds.map(() => 0);
  for (let left = count; left > 0; ) {
    const open = kinds.map((list, i) => i).filter((i) => quota[i] < kinds[i].length);
    if (!open.length) break;
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      const add = Math.min(share, kinds[i].length - quota[i], left);
      quota[i] += add;
      left -= add;
    }
  }
  const picked = kinds.map((list, k) => {
    const n = quota[k];
    return Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)]);
  });
  // Interleave the kinds, so warm-up and any drift do not fall on one kind.
  const out = [];
  for (let i = 0; out.length < count && picked.some((p) => i < p.length); i++) for (const p of picked) if (i < p.length) out.push(p[i]);
  return out.slice(0, count);
}

/** @param files {{uri: string, text: string}[]} */
export function completionProbes(files, count) {
  return sample(candidates(files, COMPLETION_PATTERNS), count);
}

export function hoverProbes(files, count) {
  return sample(candidates(files, HOVER_PATTERNS), count);
}

/**
 * Places for "type, then complete": route-level `timeout:` lines of VirtualServices, evenly spread.
 * The edit inserts a new line with a partial key below one of them.
 */
export function editProbes(files, count) {
  const list = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, index) => {
      if (/^ {4}timeout: \d+s$/.test(line)) list.push({ uri: file.uri, line: index });
    });
  }
  const n = Math.min(count, list.length);
  return Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)]);
}
