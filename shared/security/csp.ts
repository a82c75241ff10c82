/**
 * The renderer's Content Security Policy: sent as a header by Electron's `hamish://` handler and written as a
 * meta tag into the web build, so both hosts enforce the same rules. No inline script or style, no eval, nothing
 * from another origin; workers only from the app (or blobs it made).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `frame-ancestors` is ignored (and warned about) in a meta tag; the web build leaves it out. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
