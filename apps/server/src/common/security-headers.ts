import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The H5 pages load only their own scripts, styles, fonts and images (photos come through signed links on
 * this origin; chosen photos are previewed as blob: URLs); Taro's components set inline styles, hence
 * 'unsafe-inline' for styles only. The one inline script of the H5 build (Taro's root font size) is allowed
 * by its hash, read from the built index.html at start. No page may be framed (clickjacking).
 */
/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` whose click handler does the routing; the link's own
 * no-op navigation is allowed by the hash of its URL ('unsafe-hashes' lets a hash match only that exact text,
 * not any script).
 */
const TABBAR_LINK = `'unsafe-hashes' 'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;

export function contentSecurityPolicy(scriptHashes: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`), TABBAR_LINK].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // 语音说明: a recording played back before it is uploaded, and one fetched with the login, are blob URLs.
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `sha256-…` of each inline `<script>` (one without `src`) in a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((match) => match[1].trim())
    .map((match) => `sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}`);
}

const ONE_YEAR = 365 * 24 * 3600;

/**
 * Headers on every answer: API, pages, photos, errors and 404s alike. HSTS only when the request came over
 * TLS (directly, or by a proxy's X-Forwarded-Proto, which trustProxy lets Fastify read): on plain HTTP
 * (the embedded demo on a laptop) it would be ignored by browsers, and it must never be sent by mistake.
 */
export function addSecurityHeaders(fastify: FastifyInstance, pageScriptHashes: string[]): void {
  const policy = contentSecurityPolicy(pageScriptHashes);
  // Swagger UI (development only, see API_DOCS) runs an inline bootstrap script.
  const docsPolicy = policy.replace(/script-src [^;]*/, "script-src 'self' 'unsafe-inline'");
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Content-Security-Policy', request.url.startsWith('/api/docs') ? docsPolicy : policy);
    if (request.protocol === 'https')
      reply.header('Strict-Transport-Security', `max-age=${ONE_YEAR}; includeSubDomains`);
    done();
  });
}
