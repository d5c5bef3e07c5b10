// HTTP header rules of Istio's validators: header names (RFC 7230 tokens, pseudo headers, JWT claim
// routing keys), which headers an operation may touch, and Envoy's `%VARIABLE%` header value syntax.

const TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const JWT_CLAIM_PREFIX = '@request.auth.claims';

/** An RFC 7230 token: the characters a header name may use. */
export function isHeaderToken(name: string): boolean {
  return TOKEN.test(name);
}

/** `jwt.ToRoutingClaim(key).Match`: `@request.auth.claims.a.b` or `@request.auth.claims[a][b]`. */
export function isJwtClaimRoutingKey(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM_PREFIX)) return false;
  const rest = name.slice(JWT_CLAIM_PREFIX.length);
  if (rest.startsWith('.') && rest.length > 1) return true;
  return rest.startsWith('[') && rest.endsWith(']') && rest.length > 2;
}

/** `ValidateHTTPHeaderNameOrJwtClaimRoute`: the problem with a match header name, if any. */
export function matchHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimRoutingKey(name) || PSEUDO_HEADERS.has(name)) return undefined;
  if (!TOKEN.test(name)) return `header name '${name}' is not a valid header name`;
  return undefined;
}

/** `ValidateCORSHTTPHeaderName`: a token or `*`. */
export function corsHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name === '*' || TOKEN.test(name)) return undefined;
  return `header name '${name}' is not a valid header name`;
}

function isInternal(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

/** `ValidateHTTPHeaderWithAuthorityOperationName`: request `set`/`add` may use `:authority`/`host` only. */
export function requestSetHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternal(name) && !isAuthorityHeader(name)) return `header '${name}' cannot be modified: names starting with ':' are reserved`;
  return undefined;
}

/** `ValidateHTTPHeaderOperationName`: request `remove` and all response operations. */
export function headerOperationNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `header '${name}' cannot be modified here`;
  if (name.startsWith(':')) return `header '${name}' cannot be modified: names starting with ':' are reserved`;
  return undefined;
}

// Control characters other than horizontal tab, as in protoc-gen-validate's header value rule.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/**
 * `ValidateHTTPHeaderValue`: no control characters, and every `%` starts a `%VARIABLE%` or
 * `%VARIABLE(args)%` expression or is escaped as `%%` (a port of Envoy's header formatter parser).
 */
export function headerValueProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return `header value ${JSON.stringify(value)} contains a control character`;
  return formatterProblem(value);
}

const enum State {
  Literal,
  VariableName,
  ExpectArray,
  ExpectString,
  String,
  ExpectArrayDelimiterOrEnd,
  ExpectArgsEnd,
  ExpectVariableEnd,
}

function formatterProblem(value: string): string | undefined {
  let state = State.Literal;
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case State.Literal:
        if (ch !== '%') break;
        if (!hasNext) return `header value '${value}' has an unescaped '%' (write '%%' for a literal percent sign)`;
        if (value[pos + 1] === '%') {
          pos++;
          break;
        }
        state = State.VariableName;
        break;
      case State.VariableName:
        if (ch === '%') state = State.Literal;
        else if (ch === '(') state = State.ExpectArray;
        break;
      case State.ExpectArray:
        if (ch === '[') state = State.ExpectString;
        else if (ch !== ' ') state = State.String;
        break;
      case State.ExpectArrayDelimiterOrEnd:
        if (ch === ',') state = State.ExpectString;
        else if (ch === ']') state = State.ExpectArgsEnd;
        else if (ch !== ' ') return `header value '${value}' is invalid: expected ',' or ']' in the variable's arguments`;
        break;
      case State.ExpectString:
        if (ch === '"') state = State.String;
        else if (ch !== ' ') return `header value '${value}' is invalid: expected '"' in the variable's arguments`;
        break;
      case State.String:
        if (ch === '\\') {
          if (!hasNext) return `header value '${value}' is invalid: unterminated backslash in a variable argument`;
          pos++;
        } else if (ch === ')') state = State.ExpectVariableEnd;
        else if (ch === '"') state = State.ExpectArrayDelimiterOrEnd;
        break;
      case State.ExpectArgsEnd:
        if (ch === ')') state = State.ExpectVariableEnd;
        else if (ch !== ' ') return `header value '${value}' is invalid: expected ')' after the variable's arguments`;
        break;
      case State.ExpectVariableEnd:
        if (ch === '%') state = State.Literal;
        else if (ch !== ' ') return `header value '${value}' is invalid: expected '%' to close the variable`;
        break;
    }
  }
  if (state !== State.Literal) return `header value '${value}' has an unterminated %VARIABLE% expression (write '%%' for a literal percent sign)`;
  return undefined;
}
