// YAML that cannot be parsed. Reported by the analysis itself from the parser's errors, per chunk.
import type { AnalyzerMeta } from '../framework';

export const yamlSyntaxError: { readonly meta: AnalyzerMeta } = {
  meta: {
    code: 'IY001',
    name: 'yaml-syntax-error',
    severity: 'error',
    category: 'syntax',
    inputs: [],
    summary: 'The file is not valid YAML, or it expands aliases beyond any sensible limit.',
    docs: `## Why
Neither \`kubectl\` nor Istio can read a document that is not YAML, so nothing in it is applied.
The rest of the file is still analysed: each \`---\`-separated document stands on its own.
Syntax errors are reported only in files that contain Istio resources.

## Example
\`\`\`yaml
spec:
  hosts: [reviews
\`\`\`

## Fix
Correct the syntax at the marked position (unclosed brackets, tabs used for indentation, duplicate keys, bad indentation).`,
  },
};
