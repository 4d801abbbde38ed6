/**
 * The length of an MP3 in seconds, read from its MPEG audio frames (Layer III of MPEG-1, 2 and 2.5, what
 * WeChat's recorder and the browser's encoder write); null when the bytes are not such a file. An ID3v2 tag
 * in front and an ID3v1 tag at the end are allowed; anything else must be frames, one after another.
 */
export function mp3Seconds(content: Buffer): number | null {
  let offset = id3v2Length(content);
  let samples = 0;
  let sampleRate = 0;
  let frames = 0;
  while (offset + 4 <= content.length) {
    const frame = frameAt(content, offset);
    if (!frame || (sampleRate && frame.sampleRate !== sampleRate)) break;
    sampleRate = frame.sampleRate;
    samples += frame.samples;
    frames++;
    // The last frame may run past the end: a recording stopped mid-frame.
    offset += frame.length;
  }
  const rest = content.length - offset;
  const trailingTag = rest === 128 && content.subarray(offset, offset + 3).toString('latin1') === 'TAG';
  if (frames < 2 || (rest > 3 && !trailingTag)) return null;
  return samples / sampleRate;
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

function frameAt(content: Buffer, at: number) {
  if (content[at] !== 0xff || (content[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (content[at + 1] >> 3) & 3;
  const layer = (content[at + 1] >> 1) & 3;
  const bitrateIndex = content[at + 2] >> 4;
  const rateIndex = (content[at + 2] >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const mpeg1 = version === 3;
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const samples = mpeg1 ? 1152 : 576;
  const padding = (content[at + 2] >> 1) & 1;
  const length = Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { sampleRate, samples, length };
}

function id3v2Length(content: Buffer): number {
  if (content.length < 10 || content.subarray(0, 3).toString('latin1') !== 'ID3') return 0;
  // The size is "syncsafe": four bytes of seven bits each; a footer (flag 0x10) adds ten bytes.
  const size = (content[6] << 21) | (content[7] << 14) | (content[8] << 7) | content[9];
  return 10 + size + (content[5] & 0x10 ? 10 : 0);
}
