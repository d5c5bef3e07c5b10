// Inline JSON Web Key Sets: does the text parse as a JWK or JWK set, and does it hold private keys?
import { list, obj } from './values';

const PRIVATE_PARAMS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export function jwksProblem(text: string): { error?: string; privateKeys: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : 'invalid JSON', privateKeys: 0 };
  }
  const root = obj(parsed);
  if (!root) return { error: 'a JWKS is a JSON object', privateKeys: 0 };
  const keys = root.keys !== undefined ? list(root.keys) : [root];
  if (root.keys !== undefined && !Array.isArray(root.keys)) return { error: "'keys' must be a list", privateKeys: 0 };
  let privateKeys = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = obj(keys[i]);
    if (!key) return { error: `key #${i} is not a JSON object`, privateKeys };
    if (typeof key.kty !== 'string' || key.kty === '') return { error: `key #${i} has no 'kty'`, privateKeys };
    if (!['RSA', 'EC', 'oct', 'OKP'].includes(key.kty)) return { error: `key #${i} has an unsupported kty '${key.kty}'`, privateKeys };
    if (PRIVATE_PARAMS.some((p) => key[p] !== undefined)) privateKeys++;
  }
  return { privateKeys };
}
