// `--mesh-config FILE`: istioctl takes a bare MeshConfig file; the core reads the mesh config from
// the `istio` ConfigMap in istio-system, as istiod does. This wraps the file into that ConfigMap and
// maps findings inside it back to the file's own lines.

const HEADER = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: istio', '  namespace: istio-system', 'data:', '  mesh: |'];
const INDENT = '    ';

export interface WrappedMeshConfig {
  readonly text: string;
  /** A position in the ConfigMap → the same place in the MeshConfig file. */
  readonly toFile: (line: number, character: number) => { line: number; character: number };
}

export function wrapMeshConfig(meshConfig: string): WrappedMeshConfig {
  const body = meshConfig.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => (line ? INDENT + line : line));
  return {
    text: `${[...HEADER, ...body].join('\n')}\n`,
    toFile: (line, character) =>
      line < HEADER.length ? { line: 0, character: 0 } : { line: line - HEADER.length, character: Math.max(0, character - INDENT.length) },
  };
}

/** istioctl names findings about the mesh config after this pseudo-resource; so do we, for the file. */
export const MESH_CONFIG_RESOURCE = 'MeshConfig istio-system/meshconfig';
