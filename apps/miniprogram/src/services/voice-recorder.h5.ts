import { Mp3Encoder } from '@breezystack/lamejs';
import { VOICE_LIMITS } from '@redvest/contract';
import type { RecordingSession, VoiceRecording } from './voice-recording';
import { MICROPHONE_REFUSED, RecordingFailed } from './voice-recording';

export type { RecordingSession, VoiceRecording } from './voice-recording';

/** Mono at 48 kbps: a full minute is about 360 KB, well inside the server's 1 MB. */
const KBPS = 48;
const FRAME = 1152;

/**
 * 录音 on H5: the microphone (getUserMedia) read as PCM through an AudioContext, encoded to MP3 in the browser
 * with lamejs (browsers' own MediaRecorder writes WebM or MP4, which the server does not take). Stops by itself
 * at a minute.
 */
export function startRecording(
  onStopped: (result: VoiceRecording | RecordingFailed) => void,
): RecordingSession {
  let stopped = false;
  let finish: () => void = () => {
    stopped = true;
  };
  const media = navigator.mediaDevices?.getUserMedia
    ? navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } })
    : Promise.reject(new RecordingFailed('这个浏览器不能录音，请换用手机自带的浏览器或在微信里打开'));
  media.then(
    (stream) => {
      const context = new AudioContext();
      void context.resume();
      const input = context.createMediaStreamSource(stream);
      const processor = context.createScriptProcessor(4096, 1, 1);
      const chunks: Float32Array[] = [];
      processor.onaudioprocess = (event) =>
        chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
      input.connect(processor);
      processor.connect(context.destination);
      const limit = setTimeout(() => finish(), VOICE_LIMITS.maxSeconds * 1000);
      finish = () => {
        if (stopped) return;
        stopped = true;
        clearTimeout(limit);
        processor.disconnect();
        input.disconnect();
        stream.getTracks().forEach((track) => track.stop());
        const sampleRate = context.sampleRate;
        void context.close();
        const mp3 = encodeMp3(chunks, sampleRate);
        onStopped({
          source: { filename: 'voice.mp3', data: mp3 },
          playSrc: URL.createObjectURL(mp3),
          seconds: Math.max(1, Math.round(chunks.reduce((n, c) => n + c.length, 0) / sampleRate)),
        });
      };
      // Stop was asked for while the browser was still asking for the microphone.
      if (stopped) {
        stopped = false;
        finish();
      }
    },
    (error: unknown) => {
      stopped = true;
      const refused = error instanceof DOMException && /NotAllowed|Security|Permission/i.test(error.name);
      onStopped(
        error instanceof RecordingFailed
          ? error
          : new RecordingFailed(refused ? MICROPHONE_REFUSED : '没有找到可用的麦克风，请检查后再试'),
      );
    },
  );
  return { stop: () => finish() };
}

function encodeMp3(chunks: Float32Array[], sampleRate: number): Blob {
  const samples = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks)
    for (const value of chunk) samples[at++] = Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
  const encoder = new Mp3Encoder(1, sampleRate, KBPS);
  const parts: BlobPart[] = [];
  for (let i = 0; i < samples.length; i += FRAME)
    parts.push(new Uint8Array(encoder.encodeBuffer(samples.subarray(i, i + FRAME))));
  parts.push(new Uint8Array(encoder.flush()));
  return new Blob(parts, { type: 'audio/mpeg' });
}
