import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { constants } from 'node:zlib';

/** Smaller answers (most single records) gain less than compressing them costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Text: JSON, CSV, HTML, scripts, styles, SVG. Not server-sent events (an event must reach the client when it
 * is written), and not application/octet-stream. Types mime-db knows as compressible count too; those it marks
 * as compressed already (PDF, XLSX, images, MP3) are sent as they are.
 */
const TEXT_TYPES = /^text\/(?!event-stream)|[/+](json|javascript|xml)(;|$)/;

/**
 * Brotli or gzip for every text answer above the threshold, as the request's Accept-Encoding allows. H5 files
 * that the build precompressed (.br, .gz) go out as they are; this compresses the rest, mostly API JSON.
 */
export async function compressAnswers(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: TEXT_TYPES,
    // Brotli's own default (quality 11) takes about 0.7 s for a 300 KB script; 4 is as fast as gzip's 6 and smaller.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
    // Up to 1 MB (a few ms of CPU) an answer is compressed in one call and written whole, as it was before
    // compression; above that through zlib's threads. A compressing stream would still be writing after the
    // client has the headers, and a closing server would wait out the keep-alive (72 s) for that connection.
    syncThreshold: 1024 * 1024,
    // Request bodies stay uncompressed: a compressed upload would get the plugin's error, not ours.
    globalDecompression: false,
  });
}
