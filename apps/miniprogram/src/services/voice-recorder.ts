import Taro from '@tarojs/taro';
import { VOICE_LIMITS } from '@redvest/contract';
import type { RecordingSession, VoiceRecording } from './voice-recording';
import { MICROPHONE_REFUSED, RecordingFailed } from './voice-recording';

export type { RecordingSession, VoiceRecording } from './voice-recording';

/**
 * 录音 in the mini-program: WeChat's recorder writes the MP3 itself and stops on its own at a minute. The H5 build
 * takes `voice-recorder.h5.ts` instead (Taro picks it), so the encoder stays out of the mini-program's package.
 */
export function startRecording(
  onStopped: (result: VoiceRecording | RecordingFailed) => void,
): RecordingSession {
  const recorder = Taro.getRecorderManager();
  let done = false;
  const finish = (result: VoiceRecording | RecordingFailed) => {
    if (done) return;
    done = true;
    onStopped(result);
  };
  recorder.onStop(({ tempFilePath, duration }) =>
    finish({
      source: { filePath: tempFilePath },
      playSrc: tempFilePath,
      seconds: Math.max(1, Math.round(duration / 1000)),
    }),
  );
  recorder.onError(({ errMsg }) =>
    finish(
      new RecordingFailed(/auth|permission|deny/i.test(errMsg) ? MICROPHONE_REFUSED : `没有录上：${errMsg}`),
    ),
  );
  recorder.start({
    duration: VOICE_LIMITS.maxSeconds * 1000,
    format: 'mp3',
    sampleRate: 16000,
    numberOfChannels: 1,
    encodeBitRate: 48000,
  });
  return { stop: () => recorder.stop() };
}
