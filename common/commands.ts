// The ids of every command the extension contributes; the client's command table must cover them all
// (the type system checks it), and a test checks they equal package.json's `contributes.commands`.
export const COMMAND_IDS = ['istioYaml.restartServer', 'istioYaml.showOutput', 'istioYaml.showReferences', 'istioYaml.showRoutingPreview', 'istioYaml.routingPreview.state'] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
