// Writes to stdout an MP3 of the given seconds of a tone, encoded by a real MP3 encoder (the one the H5
// pages use): node test/mp3-fixtures.mjs <seconds> [sampleRate] [kbps]
import { Mp3Encoder } from '@breezystack/lamejs';

const [seconds, sampleRate = 16000, kbps = 32] = process.argv.slice(2).map(Number);
const encoder = new Mp3Encoder(1, sampleRate, kbps);
const samples = new Int16Array(Math.round(seconds * sampleRate)).map((_, i) =>
  Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)),
);
const parts = [];
for (let i = 0; i < samples.length; i += 1152)
  parts.push(encoder.encodeBuffer(samples.subarray(i, i + 1152)));
parts.push(encoder.flush());
process.stdout.write(
  Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.length))),
);
