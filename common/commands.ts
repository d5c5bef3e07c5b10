// The ids of every command the extension contributes; the client's command table must cover them all
// (the type system checks it), and a test checks they equal package.json's `contributes.commands`.
export const COMMAND_IDS = [
  'istioYaml.restartServer',
  'istioYaml.showOutput',
  'istioYaml.showReferences',
  'istioYaml.showRoutingPreview',
  'istioYaml.routingPreview.state',
  'istioYaml.istioctl.analyzeFiles',
  'istioYaml.istioctl.analyzeWorkspace',
  'istioYaml.istioctl.analyzeCluster',
  'istioYaml.istioctl.analyzeWorkspaceAgainstCluster',
  'istioYaml.istioctl.clearProblems',
  'istioYaml.istioctl.validateFile',
  'istioYaml.istioctl.proxyStatus',
  'istioYaml.istioctl.proxyConfig',
  'istioYaml.istioctl.describePod',
  'istioYaml.istioctl.checkVersion',
  'istioYaml.istioctl.showOutput',
  'istioYaml.kube.selectContext',
  'istioYaml.istioctl.testState',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
