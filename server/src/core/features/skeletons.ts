// A minimal, valid resource per Istio kind, as a snippet with tab stops, offered in an empty document.
// Each one must pass every analyzer once its tab stops take their defaults (a test checks this).
import type { IstioKind } from '../model/kinds';

/** The part after `metadata`; tab stops 1 and 2 are the name and namespace. */
const SPECS: Record<string, { name: string; spec: string }> = {
  VirtualService: {
    name: 'reviews',
    spec: `spec:
  hosts:
  - \${3:reviews}
  http:
  - route:
    - destination:
        host: \${4:reviews}`,
  },
  DestinationRule: {
    name: 'reviews',
    spec: `spec:
  host: \${3:reviews}
  subsets:
  - name: \${4:v1}
    labels:
      version: \${5:v1}`,
  },
  Gateway: {
    name: 'public-gateway',
    spec: `spec:
  selector:
    istio: \${3:ingressgateway}
  servers:
  - port:
      number: \${4:80}
      name: \${5:http}
      protocol: \${6:HTTP}
    hosts:
    - \${7:"*"}`,
  },
  ServiceEntry: {
    name: 'external-api',
    spec: `spec:
  hosts:
  - \${3:api.example.com}
  location: \${4|MESH_EXTERNAL,MESH_INTERNAL|}
  ports:
  - number: \${5:443}
    name: \${6:tls}
    protocol: \${7:TLS}
  resolution: \${8|DNS,DNS_ROUND_ROBIN|}`,
  },
  Sidecar: {
    name: 'default',
    spec: `spec:
  egress:
  - hosts:
    - \${3:"./*"}
    - \${4:"istio-system/*"}`,
  },
  WorkloadEntry: {
    name: 'vm-1',
    spec: `spec:
  address: \${3:10.0.0.1}
  labels:
    app: \${4:reviews}
  serviceAccount: \${5:reviews}`,
  },
  WorkloadGroup: {
    name: 'reviews-vms',
    spec: `spec:
  metadata:
    labels:
      app: \${3:reviews}
  template:
    serviceAccount: \${4:reviews}`,
  },
  EnvoyFilter: {
    name: 'reviews-connect-timeout',
    spec: `spec:
  workloadSelector:
    labels:
      app: \${3:reviews}
  configPatches:
  - applyTo: CLUSTER
    match:
      context: \${4|SIDECAR_OUTBOUND,SIDECAR_INBOUND,GATEWAY|}
      cluster:
        service: \${5:reviews.default.svc.cluster.local}
    patch:
      operation: MERGE
      value:
        connect_timeout: \${6:5s}`,
  },
  ProxyConfig: {
    name: 'reviews-proxy',
    spec: `spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  concurrency: \${4:2}`,
  },
  AuthorizationPolicy: {
    name: 'allow-frontend',
    spec: `spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  action: \${4|ALLOW,DENY,AUDIT|}
  rules:
  - from:
    - source:
        namespaces:
        - \${5:frontend}`,
  },
  PeerAuthentication: {
    name: 'default',
    spec: `spec:
  mtls:
    mode: \${3|STRICT,PERMISSIVE,DISABLE|}`,
  },
  RequestAuthentication: {
    name: 'jwt',
    spec: `spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  jwtRules:
  - issuer: \${4:https://issuer.example.com}
    jwksUri: \${5:https://issuer.example.com/.well-known/jwks.json}`,
  },
  Telemetry: {
    name: 'mesh-default',
    spec: `spec:
  accessLogging:
  - providers:
    - name: \${3:envoy}`,
  },
  WasmPlugin: {
    name: 'reviews-plugin',
    spec: `spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  url: \${4:oci://registry.example.com/plugins/reviews:1.0}
  phase: \${5|AUTHN,AUTHZ,STATS|}`,
  },
  TrafficExtension: {
    name: 'reviews-lua',
    spec: `spec:
  selector:
    matchLabels:
      app: \${3:reviews}
  phase: \${4|AUTHN,AUTHZ,STATS|}
  lua:
    inlineCode: |
      function envoy_on_request(request_handle)
        request_handle:logInfo("\${5:hello}")
      end`,
  },
};

/** The skeleton snippet of a kind (written at column 0), or undefined for a kind without one. */
export function skeletonSnippet(kind: IstioKind): string | undefined {
  const entry = SPECS[kind.kind];
  if (!entry) return undefined;
  return `apiVersion: ${kind.group}/${kind.preferredVersion}
kind: ${kind.kind}
metadata:
  name: \${1:${entry.name}}
  namespace: \${2:default}
${entry.spec}
`;
}

/** A snippet with every tab stop replaced by its default (the first choice of a choice list). */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
