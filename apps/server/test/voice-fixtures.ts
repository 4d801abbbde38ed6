import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A real MP3 from a real encoder (the one the H5 pages use), of a tone this many seconds long. */
export const mp3 = (seconds: number, sampleRate = 16000, kbps = 32): Buffer =>
  execFileSync(
    process.execPath,
    [join(__dirname, 'mp3-fixtures.mjs'), String(seconds), String(sampleRate), String(kbps)],
    { maxBuffer: 16 << 20 },
  );

export const voiceFile = (content: Buffer, filename = 'voice.mp3') => ({
  filename,
  data: new Blob([content]),
});
