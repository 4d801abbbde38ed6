import { ErrorCode } from '@redvest/contract';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

/** What a form may hold besides its one file (the app sends none): more is 413. */
export const MULTIPART_LIMITS = { files: 1, fields: 10, parts: 12, fieldSize: 4096 };

export interface OneFileOptions {
  maxBytes: number;
  /** The answer when the form holds no file. */
  missing: ErrorCode;
  /** The answer when the file is larger than maxBytes. */
  tooLarge: ErrorCode;
}

/**
 * Reads the one file of a multipart form, to its end, and turns every way a form can be wrong into an
 * answer. The parser reports a limit (too many fields, parts or files) only after it has cut the file it
 * was reading, so the file's own error is taken as the cause only when no limit follows it.
 */
export async function readOneFile(request: FastifyRequest, options: OneFileOptions): Promise<Buffer> {
  if (!request.isMultipart()) throw new DomainError(options.missing);
  let content: Buffer | undefined;
  let fileError: unknown;
  try {
    for await (const part of request.parts({
      limits: { ...MULTIPART_LIMITS, fileSize: options.maxBytes + 1 },
    })) {
      if (part.type !== 'file') continue;
      try {
        content = await part.toBuffer();
      } catch (error) {
        fileError = error;
      }
    }
  } catch (error) {
    throw formError(error, options);
  }
  if (fileError) throw formError(fileError, options);
  if (!content) throw new DomainError(options.missing);
  if (content.length > options.maxBytes) throw new DomainError(options.tooLarge);
  return content;
}

function formError(error: unknown, options: OneFileOptions): DomainError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError(options.tooLarge);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return new DomainError(ErrorCode.PayloadTooLarge, { limits: MULTIPART_LIMITS });
  }
  // A malformed or cut-off form: busboy's parse errors, a field name like __proto__, the client leaving.
  return new DomainError(ErrorCode.MultipartInvalid);
}
