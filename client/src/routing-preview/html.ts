// The routing preview's page: a strict Content Security Policy (nothing but our own script and style,
// loaded from the extension's dist/ folder, and images from data:/blob: for the PNG export), and no
// inline code. Pure (no vscode) so the vitest tier can check the policy.

export interface PreviewHtmlInput {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  /** Fresh for every page. */
  readonly nonce: string;
  /** `webview.asWebviewUri` of dist/webview.js and dist/webview.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** 32 characters from [A-Za-z0-9], from a caller-supplied random source (crypto in the extension). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Attribute values here come from VS Code, not from manifests; escaped all the same. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function previewHtml(input: PreviewHtmlInput): string {
  const nonce = attr(input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${attr(input.styleUri)}">
<title>Routing Preview</title>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script nonce="${nonce}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
