// Compiles each kind's JSON Schema once, on first use (ajv compilation is the expensive part).
import Ajv, { type ValidateFunction } from 'ajv';
import type { IstioKind } from '../model/kinds';
import { celKeyword } from './cel-keyword';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({
    allErrors: true,
    // CRD schemas are strict enough to compile in strict mode once their own keywords are declared;
    // only `required` inside `oneOf`/`not` branches names properties declared elsewhere.
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    validateFormats: false,
    // Error objects carry their schema, so messages can list allowed fields and values.
    verbose: true,
    // ajv's optimiser rewrites the generated code of every schema: compiling the CRDs (and running each
    // validator the first time) took twice as long with it, and validation is no slower without it.
    code: { optimize: false },
  });
  ajv.addKeyword(celKeyword());
  for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys']) {
    ajv.addKeyword(keyword);
  }
  // Formats are documentation here (int32 bounds come with minimum/maximum); keep them for hover.
  for (const format of ['int32', 'int64', 'uint32', 'double', 'float', 'byte', 'date-time']) ajv.addFormat(format, true);
  return ajv;
}

export function validatorFor(kind: IstioKind): ValidateFunction {
  const key = `${kind.group}/${kind.kind}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = instance().compile(kind.schema);
    compiled.set(key, validate);
  }
  return validate;
}
