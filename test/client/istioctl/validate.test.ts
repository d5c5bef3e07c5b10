// parseValidate on the recorded outputs of `istioctl validate` 1.31.1.
import { describe, expect, test } from 'vitest';
import { parseValidate } from '../../../client/src/istioctl/output/validate';
import { recording } from './recordings';

const WARNING = { file: 'inputs/validate-warnings.yaml', kind: 'Sidecar', namespace: 'bookinfo', name: 'default', message: 'duplicated egress host: ./*' };
const ERRORS = [
  { kind: 'VirtualService', name: 'reviews', message: 'cannot parse proto message: bad Duration: time: unknown unit "x" in duration "10x"' },
  { kind: 'DestinationRule', namespace: 'bookinfo', name: 'r', message: 'empty domain name not allowed' },
];

describe('parseValidate', () => {
  test('valid', () => {
    expect(parseValidate(recording('validate-valid'))).toEqual({ valid: true, errors: [], warnings: [], warningDetails: [], validFiles: ['inputs/gateway.yaml'] });
  });

  test('errors: Kind/ns/name split, an empty namespace left out', () => {
    expect(parseValidate(recording('validate-errors'))).toEqual({ valid: false, errors: ERRORS, warnings: [], warningDetails: [], validFiles: [] });
  });

  test('a missing file: an error without a subject', () => {
    expect(parseValidate(recording('validate-missing-file'))?.errors).toEqual([{ message: 'cannot stat file "inputs/nonexistent.yaml": stat inputs/nonexistent.yaml: no such file or directory' }]);
  });

  test('warnings, per file; still valid', () => {
    expect(parseValidate(recording('validate-warnings'))).toEqual({ valid: true, errors: [], warnings: ['Sidecar/bookinfo/default: duplicated egress host: ./*'], warningDetails: [WARNING], validFiles: [] });
  });

  test('warnings and errors', () => {
    expect(parseValidate(recording('validate-warnings-and-errors'))).toMatchObject({ valid: false, errors: ERRORS, warningDetails: [WARNING] });
  });

  test('two files: one valid, one with warnings', () => {
    expect(parseValidate(recording('validate-two-files'))).toMatchObject({ valid: true, validFiles: ['inputs/gateway.yaml'], warningDetails: [WARNING] });
  });

  test('unrecognised output: undefined; a single Error: line is an error', () => {
    expect(parseValidate({ exitCode: 0, stdout: '', stderr: '' })).toBeUndefined();
    expect(parseValidate({ exitCode: 1, stdout: 'something else\n', stderr: '' })).toBeUndefined();
    expect(parseValidate({ exitCode: 1, stdout: '', stderr: 'Error: no file provided\n' })).toEqual({ valid: false, errors: [{ message: 'no file provided' }], warnings: [], warningDetails: [], validFiles: [] });
  });

  test('a message over several lines stays one error', () => {
    const stderr = 'Error: 1 error occurred:\n\t* Gateway/ns/gw: first line\n\tsecond line\n\n\n';
    expect(parseValidate({ exitCode: 1, stdout: '', stderr })?.errors).toEqual([{ kind: 'Gateway', namespace: 'ns', name: 'gw', message: 'first line\nsecond line' }]);
  });
});
