/** Who may write: the Bearer token, and requests from other sites refused. */
import { timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether `host` is a loopback address or name: what `serve` may bind to without a token. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * An onRequest hook for writes. With a token, every write must carry `Authorization: Bearer <token>`.
 * Always: a write that a browser says comes from another site (Sec-Fetch-Site: cross-site, or an
 * Origin other than this server's) is refused, so a web page cannot post articles into a local
 * cyberclaims through the user's browser (an HTML form can send multipart without a preflight).
 */
export function writeGuard(o: { token: string | null }) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!WRITES.has(req.method)) return;
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    if (
      site === 'cross-site' ||
      (origin !== undefined && origin !== 'null' && !sameOrigin(origin, req.headers.host))
    ) {
      throw new ApiError(403, 'FORBIDDEN', 'writes from other sites are refused');
    }
    if (origin === 'null') throw new ApiError(403, 'FORBIDDEN', 'writes from other sites are refused');
    if (o.token === null) return;
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || !sameToken(m[1]!, o.token)) {
      _reply.header('www-authenticate', 'Bearer');
      throw new ApiError(
        401,
        'UNAUTHORIZED',
        m
          ? 'the token is not the one this server was started with'
          : 'writes need an Authorization: Bearer token (CYBERCLAIMS_TOKEN)',
      );
    }
  };
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    // Through URL on both sides, so that an explicit default port (":80") compares equal.
    return host !== undefined && new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}
