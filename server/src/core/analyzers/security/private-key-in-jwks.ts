// An inline JWKS that contains private key material.
import { jwksProblem } from '../../istio/validation/jwks';
import { list, nonEmpty, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const privateKeyInJwks = defineAnalyzer(
  {
    code: 'IY505',
    name: 'private-key-in-jwks',
    severity: 'warning',
    category: 'admission',
    inputs: ['RequestAuthentication'],
    summary: 'An inline JWKS contains private key material, which only the token issuer should hold.',
    istioctl: 'IST0133',
    docs: `## Why
Verifying tokens needs only public keys.
A key with private parameters (\`d\`, \`p\`, \`q\`, \`dp\`, \`dq\`, \`qi\`, or \`k\` for symmetric keys) in a RequestAuthentication is readable by anyone who can read the resource, and lets them mint valid tokens.

## Example
\`\`\`yaml
jwtRules:
- issuer: https://auth.example.com
  jwks: '{"keys": [{"kty": "EC", "crv": "P-256", "x": "...", "y": "...", "d": "..."}]}'   # 'd' is private
\`\`\`

## Fix
Publish only the public part of the key, and rotate the exposed key.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.jwtRules).forEach((item, i) => {
      const jwks = obj(item)?.jwks;
      if (!nonEmpty(jwks)) return;
      const { privateKeys } = jwksProblem(jwks);
      if (privateKeys > 0) ctx.report({ path: ['spec', 'jwtRules', i, 'jwks'], message: `the jwks contains ${privateKeys === 1 ? 'a private key' : `${privateKeys} private keys`}; publish only public keys` });
    });
  },
);
