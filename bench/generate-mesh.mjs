// Deterministic generator of realistic Istio meshes for the benchmark: N services, each with a
// Service, a ServiceAccount, v1/v2 Deployments, a DestinationRule, a VirtualService, two
// AuthorizationPolicies, a ServiceEntry, an HPA and a PodDisruptionBudget (11 resources, ~5 KB);
// per namespace a Namespace, a Sidecar and a PeerAuthentication; one shared ingress Gateway.
// Routes cross files: every service forwards a path prefix to another service's subset, half of
// them to a few "hub" services, so renaming a hub's subset invalidates routes in many files.
// Same arguments, same bytes: a seeded PRNG drives every choice.
//
// CLI: node bench/generate-mesh.mjs --services N --layout files|single --out DIR [--inject-errors]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, good enough for picking names and routes (and for the tests' mutations). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = ['shop', 'payments', 'catalog', 'identity', 'shipping', 'search', 'media', 'analytics', 'messaging', 'platform'];
const NOUNS = [
  'cart', 'checkout', 'inventory', 'pricing', 'orders', 'invoices', 'ledger', 'wallet', 'refunds', 'tax',
  'products', 'reviews', 'ratings', 'images', 'thumbnails', 'video', 'playlist', 'profile', 'accounts', 'sessions',
  'tokens', 'consent', 'shipments', 'tracking', 'labels', 'carriers', 'returns', 'warehouse', 'search', 'suggest',
  'ranking', 'indexer', 'crawler', 'events', 'metrics', 'reports', 'exports', 'mailer', 'sms', 'push',
  'webhooks', 'scheduler', 'billing', 'quotes', 'discounts', 'coupons', 'loyalty', 'gifts', 'wishlist', 'catalog',
  'stock', 'fulfillment', 'fraud', 'risk', 'audit', 'config', 'flags', 'geo', 'currency', 'translate',
];
const PREFIXES = ['', 'legacy-', 'edge-', 'core-', 'batch-', 'internal-', 'mobile-', 'partner-', 'admin-', 'realtime-', 'bulk-', 'public-'];
const TEAMS = ['storefront', 'money', 'discovery', 'trust', 'logistics', 'growth', 'data', 'platform'];
const INGRESS_NS = 'istio-ingress';
const GATEWAY = 'public-gateway';

/** Unique, real-looking service names: nouns, then prefixed nouns, then numbered ones. */
function serviceNames(n, random) {
  const pool = [];
  for (const prefix of PREFIXES) for (const noun of NOUNS) pool.push(`${prefix}${noun}`);
  const names = [];
  for (let i = 0; i < n; i++) {
    if (i < pool.length) names.push(pool[i]);
    else names.push(`${pool[Math.floor(random() * pool.length)]}-${Math.floor(i / pool.length) + 1}-${i % 97}`);
  }
  return [...new Set(names)].length === n ? names : names.map((name, i) => `${name}-${i}`);
}

/**
 * The mesh model before rendering: services with their namespace and routing choices, plus the
 * list of errors to inject. Rendering is separate so the layouts share one model.
 */
function model(services, injectErrors, seed) {
  const random = prng(seed);
  const names = serviceNames(services, random);
  const namespaces = NAMESPACES.slice(0, Math.max(1, Math.min(NAMESPACES.length, Math.ceil(services / 10))));
  const hubCount = Math.max(2, Math.round(services / 50));
  const list = names.map((name, i) => ({
    index: i,
    name,
    ns: namespaces[i % namespaces.length],
    team: TEAMS[Math.floor(random() * TEAMS.length)],
    gateway: i % 5 === 0, // a fifth of the services are exposed on the shared ingress
    replicas: 1 + Math.floor(random() * 4),
    version: `1.${Math.floor(random() * 20)}.${Math.floor(random() * 10)}`,
    timeout: 2 + Math.floor(random() * 8),
    attempts: 1 + Math.floor(random() * 3),
    weight: [5, 10, 20, 25, 50][Math.floor(random() * 5)],
    lb: ['LEAST_REQUEST', 'ROUND_ROBIN', 'RANDOM'][Math.floor(random() * 3)],
    maxConnections: 50 * (1 + Math.floor(random() * 8)),
    partner: -1,
    partnerSubset: 'v1',
    inject: undefined,
  }));
  for (const s of list) {
    // Half of the partner routes go to a hub; the rest to any other service.
    let target = random() < 0.5 ? Math.floor(random() * hubCount) : Math.floor(random() * services);
    if (target === s.index) target = (target + 1) % services;
    s.partner = services > 1 ? target : -1;
    s.partnerSubset = random() < 0.5 ? 'v2' : 'v1';
  }
  const injected = [];
  if (injectErrors && services >= 20) {
    // One service per kind of error, spread over the mesh and never a hub (hubs are edit targets).
    const kinds = ['unknown-subset', 'unknown-gateway', 'unknown-host', 'unknown-field', 'invalid-enum', 'invalid-duration', 'deny-selects-nothing', 'conflicting-mesh-host'];
    kinds.forEach((kind, k) => {
      let i = hubCount + Math.floor(((services - hubCount) * (k + 1)) / (kinds.length + 1));
      if (kind === 'unknown-gateway') while (!list[i].gateway) i++;
      while (list[i].inject) i++;
      list[i].inject = kind;
    });
  }
  return { list, namespaces, hubCount, injected };
}

const CODES = {
  'unknown-subset': { code: 'IY903', kind: 'VirtualService' },
  'unknown-gateway': { code: 'IY901', kind: 'VirtualService' },
  'unknown-host': { code: 'IY902', kind: 'VirtualService' },
  'unknown-field': { code: 'IY002', kind: 'VirtualService' },
  'invalid-enum': { code: 'IY003', kind: 'DestinationRule' },
  'invalid-duration': { code: 'IY013', kind: 'VirtualService' },
  'deny-selects-nothing': { code: 'IY935', kind: 'AuthorizationPolicy', suffix: '-deny-admin' },
  'conflicting-mesh-host': { code: 'IY908', kind: 'VirtualService', suffix: '-hotfix' },
};

const fqdn = (s) => `${s.name}.${s.ns}.svc.cluster.local`;

function renderService(s, all) {
  const { name, ns } = s;
  const inj = s.inject;
  const partner = s.partner >= 0 ? all[s.partner] : undefined;
  const docs = [];
  docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${name}
    team: ${s.team}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`);
  docs.push(`apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${ns}
`);
  for (const version of ['v1', 'v2']) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${version}
  namespace: ${ns}
  labels:
    app: ${name}
    version: ${version}
    team: ${s.team}
spec:
  replicas: ${version === 'v1' ? s.replicas : 1}
  selector:
    matchLabels:
      app: ${name}
      version: ${version}
  template:
    metadata:
      labels:
        app: ${name}
        version: ${version}
    spec:
      serviceAccountName: ${name}
      containers:
      - name: ${name}
        image: registry.example.com/${ns}/${name}:${version === 'v1' ? s.version : `${s.version}-rc1`}
        ports:
        - containerPort: 8080
          name: http
        env:
        - name: UPSTREAM_URL
          value: http://${partner ? fqdn(partner) : 'localhost'}
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            memory: 256Mi
`);
  }
  docs.push(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  host: ${fqdn(s)}
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: ${s.maxConnections}
        connectTimeout: 3s
      http:
        http1MaxPendingRequests: 64
        maxRequestsPerConnection: 10
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 50
    loadBalancer:
      simple: ${inj === 'invalid-enum' ? 'ROUND_ROBBIN' : s.lb}
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
    trafficPolicy:
      loadBalancer:
        simple: ROUND_ROBIN
`);
  // Exposed services are named by FQDN (the ingress serves every host), the others by short name.
  const hosts = s.gateway ? `  - ${fqdn(s)}\n` : `  - ${name}\n`;
  const gateways = s.gateway ? `  gateways:\n  - ${INGRESS_NS}/${inj === 'unknown-gateway' ? 'public-gatway' : GATEWAY}\n  - mesh\n` : '';
  const partnerRoute = partner
    ? `  - name: partner
    match:
    - uri:
        prefix: /partner/${partner.name}
    rewrite:
      uri: /
    route:
    - destination:
        host: ${inj === 'unknown-host' ? `${partner.name}-retired.${partner.ns}.svc.cluster.local` : fqdn(partner)}
        subset: ${s.partnerSubset}
        port:
          number: 80
    ${inj === 'unknown-field' ? 'timout' : 'timeout'}: ${s.timeout}s
    retries:
      attempts: ${s.attempts}
      perTryTimeout: ${inj === 'invalid-duration' ? '1.5ms' : '1s'}
      retryOn: 5xx,reset,connect-failure
`
    : '';
  docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  hosts:
${hosts}${gateways}  http:
  - name: canary
    match:
    - headers:
        x-canary:
          exact: "true"
    route:
    - destination:
        host: ${name}
        subset: ${inj === 'unknown-subset' ? 'v3' : 'v2'}
    timeout: ${s.timeout}s
${partnerRoute}  - name: default
    route:
    - destination:
        host: ${name}
        subset: v1
      weight: ${100 - s.weight}
    - destination:
        host: ${name}
        subset: v2
      weight: ${s.weight}
    timeout: ${s.timeout * 2}s
    retries:
      attempts: ${s.attempts + 1}
      perTryTimeout: 2s
      retryOn: gateway-error,connect-failure,refused-stream
`);
  if (inj === 'conflicting-mesh-host') {
    docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}-hotfix
  namespace: ${ns}
spec:
  hosts:
  - ${name}
  http:
  - route:
    - destination:
        host: ${name}
        subset: v1
`);
  }
  const caller = partner && partner.index !== s.index ? all[(s.index + 1) % all.length] : s;
  docs.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}-allow
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${name}
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/${INGRESS_NS}/sa/istio-ingressgateway
        - cluster.local/ns/${caller.ns}/sa/${caller.name}
    to:
    - operation:
        methods: ["GET", "POST"]
        paths: ["/api/*", "/partner/*"]
  - from:
    - source:
        namespaces: ["${ns}"]
    to:
    - operation:
        methods: ["GET"]
        paths: ["/healthz"]
`);
  docs.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}-deny-admin
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${inj === 'deny-selects-nothing' ? `${name}-canary` : name}
  action: DENY
  rules:
  - from:
    - source:
        notNamespaces: ["${ns}"]
    to:
    - operation:
        ports: ["8080"]
        paths: ["/admin/*"]
`);
  docs.push(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}-upstream
  namespace: ${ns}
spec:
  hosts:
  - api.${name}.${s.team}.example.net
  exportTo:
  - "."
  location: MESH_EXTERNAL
  ports:
  - number: 443
    name: https
    protocol: TLS
  resolution: DNS
`);
  docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}-v1
  minReplicas: ${s.replicas}
  maxReplicas: ${s.replicas * 4}
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
`);
  docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: ${name}
`);
  return docs;
}

function renderNamespace(ns, namespaces) {
  const egress = ['./*', 'istio-system/*', `${INGRESS_NS}/*`, ...namespaces.filter((n) => n !== ns).map((n) => `${n}/*`)];
  return [
    `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio-injection: enabled
`,
    `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: ${ns}
spec:
  egress:
  - hosts:
${egress.map((h) => `    - "${h}"`).join('\n')}
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`,
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ns}
spec:
  mtls:
    mode: STRICT
`,
  ];
}

function renderIngress() {
  return [
    `apiVersion: v1
kind: Namespace
metadata:
  name: ${INGRESS_NS}
  labels:
    istio-injection: enabled
`,
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: istio-ingressgateway
  namespace: ${INGRESS_NS}
`,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istio-ingressgateway
  namespace: ${INGRESS_NS}
spec:
  replicas: 2
  selector:
    matchLabels:
      istio: ingressgateway
  template:
    metadata:
      labels:
        istio: ingressgateway
        app: istio-ingressgateway
    spec:
      serviceAccountName: istio-ingressgateway
      containers:
      - name: istio-proxy
        image: auto
`,
    `apiVersion: v1
kind: Service
metadata:
  name: istio-ingressgateway
  namespace: ${INGRESS_NS}
spec:
  type: LoadBalancer
  selector:
    istio: ingressgateway
  ports:
  - name: http2
    port: 80
    targetPort: 8080
  - name: https
    port: 443
    targetPort: 8443
`,
    `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${GATEWAY}
  namespace: ${INGRESS_NS}
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*"
    tls:
      httpsRedirect: true
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - "*"
    tls:
      mode: SIMPLE
      credentialName: wildcard-example-com
`,
  ];
}

/** Converts an offset in `text` to an LSP position (the texts are ASCII, so UTF-16 = bytes). */
export function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

/**
 * Generates a mesh. Returns the files (paths relative to the output folder), the injected errors
 * the analysis must find, and the edit target: the hub DestinationRule subset `v2` with the files
 * whose routes name it (its dependents).
 */
export function generateMesh({ services, layout = 'files', injectErrors = false, seed = 42 }) {
  if (!['files', 'single'].includes(layout)) throw new Error(`layout must be files or single, not ${layout}`);
  const m = model(services, injectErrors, seed);
  // Documents by file, in order; each entry remembers its service so positions can be found later.
  const files = new Map();
  const add = (file, docs, service) => {
    if (!files.has(file)) files.set(file, []);
    for (const doc of docs) files.get(file).push({ doc, service });
  };
  const single = layout === 'single';
  add(single ? 'mesh.yaml' : 'ingress/gateway.yaml', renderIngress());
  for (const ns of m.namespaces) add(single ? 'mesh.yaml' : `namespaces/${ns}.yaml`, renderNamespace(ns, m.namespaces));
  for (const s of m.list) add(single ? 'mesh.yaml' : `services/${s.ns}/${s.name}.yaml`, renderService(s, m.list), s);

  const out = [];
  const fileOf = new Map();
  const drOffset = new Map(); // service index → offset of its DestinationRule document in its file
  for (const [file, docs] of files) {
    let text = '';
    for (const { doc, service } of docs) {
      if (text) text += '---\n';
      if (service && doc.includes('kind: DestinationRule\n')) drOffset.set(service.index, text.length);
      text += doc;
    }
    out.push({ path: file, text });
    for (const { service } of docs) if (service) fileOf.set(service.index, file);
  }

  const expectations = m.list
    .filter((s) => s.inject)
    .map((s) => {
      const c = CODES[s.inject];
      return { kind: s.inject, file: fileOf.get(s.index), code: c.code, resource: `${c.kind} ${s.ns}/${s.name}${c.suffix ?? ''}` };
    });

  // Edit target: the hub whose subset v2 the most other services' partner routes name.
  let edit;
  if (services > 1) {
    const routesTo = new Map();
    for (const s of m.list) if (s.partner >= 0 && s.partnerSubset === 'v2' && s.partner !== s.index && s.inject !== 'unknown-host') routesTo.set(s.partner, [...(routesTo.get(s.partner) ?? []), s]);
    let best = 0;
    for (let h = 0; h < Math.min(m.hubCount, services); h++) if ((routesTo.get(h)?.length ?? 0) > (routesTo.get(best)?.length ?? 0)) best = h;
    const target = m.list[best];
    const file = fileOf.get(best);
    const text = out.find((f) => f.path === file).text;
    const at = text.indexOf('  - name: v2\n', drOffset.get(best)) + '  - name: '.length;
    const routers = routesTo.get(best) ?? [];
    edit = {
      service: `${target.ns}/${target.name}`,
      file,
      position: positionAt(text, at),
      oldText: 'v2',
      newText: 'v2x',
      dependents: [...new Set(routers.map((s) => fileOf.get(s.index)).filter((f) => f !== file))].sort(),
      dependentRoutes: routers.map((s) => `VirtualService ${s.ns}/${s.name}`),
    };
  }
  const resources = out.reduce((n, f) => n + f.text.split('\n---\n').length, 0);
  const bytes = out.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  return { files: out, expectations, edit, stats: { services, layout, files: out.length, resources, bytes, namespaces: m.namespaces.length, hubs: m.hubCount } };
}

/** Writes a generated mesh under `dir` (created; existing files with the same names are replaced). */
export function writeMesh(dir, mesh) {
  for (const f of mesh.files) {
    const file = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
  }
  fs.writeFileSync(path.join(dir, '.bench-mesh.json'), JSON.stringify({ stats: mesh.stats, expectations: mesh.expectations, edit: mesh.edit }, null, 2));
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const services = Number(arg('services', '100'));
  const layout = arg('layout', 'files');
  const out = arg('out');
  if (!out || !Number.isInteger(services) || services < 1) {
    console.error('usage: node bench/generate-mesh.mjs --services N --layout files|single --out DIR [--inject-errors] [--seed S]');
    process.exit(2);
  }
  const mesh = generateMesh({ services, layout, injectErrors: argv.includes('--inject-errors'), seed: Number(arg('seed', '42')) });
  writeMesh(out, mesh);
  console.log(JSON.stringify({ out: path.resolve(out), ...mesh.stats, injected: mesh.expectations.length, edit: mesh.edit && { file: mesh.edit.file, dependents: mesh.edit.dependents.length } }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
