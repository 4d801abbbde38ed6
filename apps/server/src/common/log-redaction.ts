import type { FastifyRequest } from 'fastify';

/** Route parameters that are secrets to whoever holds them (an invite code lets one join a community). */
const SECRET_PARAMS = new Set(['code']);

const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;

/** Masks mainland phone numbers and resident ID numbers wherever they appear in a text meant for a log. */
export function redactPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '[身份证号]').replace(PHONE, '[手机号]');
}

/**
 * What the request log shows of a URL: the path with secret route parameters, phones and ID numbers masked,
 * and the query's keys without their values (a search `q=` may be a phone, `s=` is a photo link's signature).
 */
export function redactUrl(url: string, params: Record<string, unknown> = {}): string {
  const [path, query] = splitOnce(url, '?');
  let shown = path;
  for (const [name, value] of Object.entries(params)) {
    if (SECRET_PARAMS.has(name) && typeof value === 'string' && value)
      shown = shown.split(`/${encodeURIComponent(value)}`).join('/*');
  }
  shown = redactPersonalData(shown);
  if (query === undefined) return shown;
  const keys = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${redactPersonalData(safeDecode(splitOnce(pair, '=')[0]))}=*`);
  return `${shown}?${keys.join('&')}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** pino's `req` as Fastify logs it, with the URL redacted; headers and bodies are never logged. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, (request.params ?? {}) as Record<string, unknown>),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * pino's `err`: Fastify logs a client error (a body that is not JSON, too large, …) with its message, and
 * JSON.parse quotes the start of the body in it; that excerpt is cut, phones and ID numbers are masked.
 */
export function serializeError(error: Error & { code?: unknown; statusCode?: unknown }) {
  const clean = (text: string) =>
    redactPersonalData(text.replace(/"[\s\S]*"(?:\.\.\.)?(?=\s+is not valid JSON)/, '"…"'));
  const clientError = typeof error.statusCode === 'number' && error.statusCode < 500;
  return {
    type: error.name,
    message: clean(String(error.message)),
    code: error.code,
    statusCode: error.statusCode,
    stack: clientError || !error.stack ? '' : clean(error.stack),
  };
}
