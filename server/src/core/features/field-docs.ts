// Markdown documentation of schema fields and kinds, shared by completion items and hovers so both
// describe a field with the same words.
import { type IstioKind, referenceUrl } from '../model/kinds';
import { descriptionOf, enumValues } from './schema-walk';
import type { JsonSchema } from '../model/kinds';

/** The schema description without its generated "Valid Options: ..." line (the values are listed separately). */
export function cleanDescription(schema: JsonSchema): string | undefined {
  const text = descriptionOf(schema)
    ?.replace(/\n*\s*Valid Options:[^\n]*/g, '')
    // Old istio.io links; the hover links the current reference page itself.
    .replace(/\s*See more details at:?\s*\S+/g, '')
    .trim();
  return text || undefined;
}

/** The messages of the CEL rules on the field itself, e.g. "must be a valid duration greater than 1ms". */
export function validationNotes(schema: JsonSchema): string | undefined {
  const rules = schema['x-kubernetes-validations'];
  if (!Array.isArray(rules)) return undefined;
  const messages = [...new Set(rules.map((r) => (typeof r?.message === 'string' ? r.message.trim() : '')).filter(Boolean))];
  return messages.length ? `Rules: ${messages.join('; ')}.` : undefined;
}

export function code(value: string): string {
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

/** "Allowed values: `A`, `B`", with the current value in bold when given. */
export function allowedValues(schema: JsonSchema, current?: string): string | undefined {
  const values = enumValues(schema);
  if (!values.length) return undefined;
  return `Allowed values: ${values.map((v) => (v === current ? `**${code(v)}**` : code(v))).join(', ')}`;
}

export function fieldDocumentation(schema: JsonSchema): string | undefined {
  const parts = [cleanDescription(schema), allowedValues(schema), validationNotes(schema)].filter((p): p is string => !!p);
  return parts.length ? parts.join('\n\n') : undefined;
}

export function referenceLink(kind: IstioKind): string {
  return `[${kind.kind} reference](${referenceUrl(kind)})`;
}

/** What a kind is: its description (from `spec`), group and served versions. */
export function kindDocumentation(kind: IstioKind): string {
  const spec = (kind.schema.properties as Record<string, JsonSchema> | undefined)?.spec;
  const description = spec ? cleanDescription(spec) : undefined;
  const versions = kind.versions
    .map((v) => {
      const notes = [v.name === kind.preferredVersion ? 'preferred' : '', v.deprecated ? 'deprecated' : ''].filter(Boolean);
      return `${code(v.name)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    })
    .join(', ');
  return [description, `Served versions of ${code(kind.group)}: ${versions}`, referenceLink(kind)].filter(Boolean).join('\n\n');
}
