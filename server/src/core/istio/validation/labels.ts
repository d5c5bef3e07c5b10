// Kubernetes-style label maps as Istio validates them (`labels.Instance.Validate`): keys are an
// optional DNS prefix plus a name of at most 63 characters; values are empty or a qualified name.

const DNS_LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const KEY = new RegExp(`^(${DNS_LABEL}(?:\\.${DNS_LABEL})*/)?(${QUALIFIED_NAME})$`);
const VALUE = new RegExp(`^(?:${QUALIFIED_NAME})?$`);

/** The problem with a label key, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const match = KEY.exec(key);
  if (!match) return `'${key}' is not a valid label key`;
  if (match[1] && match[1].length - 1 > 253) return `label key '${key}' has a DNS prefix longer than 253 characters`;
  if (match[2].length > 63) return `label key '${key}' has a name longer than 63 characters`;
  return undefined;
}

/** The problem with a label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  return VALUE.test(value) ? undefined : `'${value}' is not a valid label value`;
}
