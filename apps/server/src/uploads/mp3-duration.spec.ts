import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mp3Seconds } from './mp3-duration';

const mp3 = (seconds: number, sampleRate = 16000, kbps = 32) =>
  execFileSync(
    process.execPath,
    [join(__dirname, '../../test/mp3-fixtures.mjs'), String(seconds), String(sampleRate), String(kbps)],
    { maxBuffer: 16 << 20 },
  );

describe('mp3Seconds', () => {
  it.each([
    [3, 16000, 32],
    [59, 16000, 32],
    [10, 44100, 128],
    [5, 8000, 16],
  ])('reads %s s at %s Hz, %s kbps from the frames', (seconds, rate, kbps) => {
    // The encoder adds its delay and padding: about a frame at each end.
    expect(mp3Seconds(mp3(seconds, rate, kbps))).toBeCloseTo(seconds, 0);
  });

  it('allows an ID3v2 tag in front, an ID3v1 tag at the end and a last frame cut short', () => {
    const body = mp3(2);
    const id3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x05', 'latin1'), Buffer.alloc(5)]);
    const tag = Buffer.concat([Buffer.from('TAG', 'latin1'), Buffer.alloc(125)]);
    expect(mp3Seconds(Buffer.concat([id3, body, tag]))).toBeCloseTo(2, 0);
    expect(mp3Seconds(body.subarray(0, body.length - 20))).toBeCloseTo(2, 0);
  });

  it('refuses what is not an MP3: a picture, text, a frame header followed by junk, nothing', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(2000)]);
    expect(mp3Seconds(jpeg)).toBeNull();
    expect(mp3Seconds(Buffer.from('hello, this is not audio'.repeat(100)))).toBeNull();
    expect(mp3Seconds(Buffer.concat([mp3(1).subarray(0, 300), Buffer.alloc(5000, 7)]))).toBeNull();
    expect(mp3Seconds(Buffer.alloc(0))).toBeNull();
  });
});
