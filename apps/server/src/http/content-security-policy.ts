/**
 * The Content-Security-Policy of every answer (set by @fastify/helmet): the console's own scripts, styles and API
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
