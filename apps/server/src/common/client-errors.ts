import { ERROR_CATALOG, ErrorBody, ErrorCode } from '@redvest/contract';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';

/** What Node's HTTP parser could not read, before Fastify or Nest see a request. */
function codeFor(error: { code?: string }): ErrorCode {
  if (error.code === 'HPE_HEADER_OVERFLOW') return ErrorCode.RequestTooLarge;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return ErrorCode.RequestTimeout;
  return ErrorCode.MalformedRequest;
}

/**
 * Fastify's `clientErrorHandler`: a request Node cannot parse (a URL or headers over 16 KB, a broken
 * request line) is answered in the error shape too, as Fastify's default handler does in its own.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const code = codeFor(error);
    const { status, message } = ERROR_CATALOG[code];
    const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors`: a path its router cannot take. A path parameter over 100 characters is
 * no id of ours (404); a path that is not valid percent-encoding is a malformed request (400).
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? ErrorCode.NotFound : ErrorCode.MalformedRequest;
  const { status, message } = ERROR_CATALOG[code];
  void reply.status(status).send({ error: { code, message } } satisfies ErrorBody);
}
