// RequestAuthentication JWT rules istiod rejects: no issuer and no jwksUri, or an inline JWKS that is
// not a JSON Web Key (Set).
import { jwksProblem } from '../../istio/validation/jwks';
import { list, nonEmpty, obj } from '../../istio/validation/values';
import { defineAnalyzer } from '../framework';

export const invalidJwtRule = defineAnalyzer(
  {
    code: 'IY504',
    name: 'invalid-jwt-rule',
    severity: 'error',
    category: 'admission',
    inputs: ['RequestAuthentication'],
    summary: 'A JWT rule has neither issuer nor jwksUri, or its inline jwks is not a valid JSON Web Key Set.',
    istioctl: 'IST0106',
    docs: `## Why
A JWT rule identifies tokens by \`issuer\`, or at least says where to fetch keys (\`jwksUri\`); a rule with neither is rejected.
An inline \`jwks\` must be a JSON Web Key or a JSON Web Key Set (\`{"keys": [...]}\`) that parses.

## Example
\`\`\`yaml
jwtRules:
- audiences: [reviews]     # no issuer, no jwksUri
- issuer: https://auth.example.com
  jwks: '{"keys": [{"kty": "RSA", "n": "..."}'   # truncated JSON
\`\`\`

## Fix
Add the token issuer (the \`iss\` claim) and a \`jwksUri\` or a complete \`jwks\`.`,
  },
  (ctx) => {
    const spec = obj(ctx.resource.value.spec);
    if (!spec) return;
    list(spec.jwtRules).forEach((item, i) => {
      const rule = obj(item);
      if (!rule) return;
      if (!nonEmpty(rule.issuer) && !nonEmpty(rule.jwksUri) && !nonEmpty(rule.jwks_uri)) {
        ctx.report({ path: ['spec', 'jwtRules', i], message: 'the JWT rule needs an issuer or a jwksUri' });
      }
      if (nonEmpty(rule.jwks)) {
        const problem = jwksProblem(rule.jwks).error;
        if (problem) ctx.report({ path: ['spec', 'jwtRules', i, 'jwks'], message: `jwks does not parse: ${problem}` });
      }
    });
  },
);
