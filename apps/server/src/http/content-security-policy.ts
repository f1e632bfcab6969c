/**
 * The Content-Security-Policy of every answer (set by helmet, see security-headers.ts): the console's own scripts, styles and API
 * only. No inline script or style is allowed, so an injected `<script>` in a name shown by the console cannot run even
 * if escaping failed somewhere. QR codes are drawn as data: or blob: images. No `upgrade-insecure-requests`: a test
 * installation on plain HTTP (a LAN address) must keep working; production sits behind an HTTPS proxy.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/**
 * The policy of the citizen app's web demo under /app/ (its documents only; the console keeps the one above). The
 * demo runs the app's own code unchanged, and two of its libraries need what the console never does:
 * - `'wasm-unsafe-eval'`: sql.js, the demo's SQLite, is WebAssembly. It allows compiling WebAssembly only, not
 *   `eval()` or `Function()` of JavaScript (the export files are read by @bufbuild/protobuf, which compiles no code);
 * - the SHA-256 of the empty string: react-native-web adds one empty `<style>` element and fills it through the CSSOM
 *   (`insertRule`), which the policy does not govern; no inline style with content is allowed.
 * Scripts still come from this server only, and the demo renders every text as text (React Native's `<Text>`), never
 * as HTML.
 */
export const APP_CONTENT_SECURITY_POLICY = {
  ...CONTENT_SECURITY_POLICY,
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
} as const;

/** A directives object as the header helmet writes: `defaultSrc` → `default-src 'self'`, joined by `;`. */
export function contentSecurityPolicyHeader(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';');
}
