import { isIP } from 'node:net';

/**
 * Whether a request's Host names this server (docs/security.md, "Cross-site"): a configured public origin's host,
 * or a name that DNS rebinding cannot forge — `localhost` or an IP literal. A page at `evil.example` whose name
 * an attacker re-points at this server sends `Host: evil.example`, which is refused.
 */
export function isAllowedHost(hostHeader: string | undefined, publicOrigins: readonly URL[]): boolean {
  if (!hostHeader) return false;
  let host: URL;
  try {
    host = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  const name = host.hostname.replace(/^\[|\]$/g, '');
  if (name === 'localhost' || isIP(name) !== 0) return true;
  return publicOrigins.some(
    (origin) => origin.hostname === host.hostname && sameHostPort(origin, hostHeader),
  );
}

/** The origin's host:port equals the Host header's, default ports elided on both sides. */
function sameHostPort(origin: URL, hostHeader: string): boolean {
  const fromHeader = new URL(`${origin.protocol}//${hostHeader}`);
  return fromHeader.host === origin.host;
}

/** Whether an Origin header names the site the request was sent to (scheme-agnostic: a proxy may end TLS). */
export function isSameOrigin(originHeader: string, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  try {
    const origin = new URL(originHeader);
    if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return false;
    return new URL(`${origin.protocol}//${hostHeader}`).host === origin.host;
  } catch {
    return false; // "null" or garbage: an opaque origin is another site
  }
}
