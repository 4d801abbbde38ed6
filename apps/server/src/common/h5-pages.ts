import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { basename } from 'node:path';

/** Taro names the H5 scripts and styles by their content's hash (`js/app.2f4af1b5.js`): a name never changes content. */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.(js|css)$/;

/**
 * Hashed files are kept by browsers for a year without asking again; index.html and every other file is
 * checked each time (a 304 when unchanged), so a new build reaches everyone at their next visit.
 */
export function cacheControlFor(file: string): string {
  const name = basename(file).replace(/\.(br|gz)$/, '');
  return CONTENT_HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The H5 build at `/`, sending the .br or .gz copy the build made when the browser accepts it. */
export async function serveH5Pages(app: NestFastifyApplication, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    decorateReply: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header('cache-control', cacheControlFor(file)),
  });
}
