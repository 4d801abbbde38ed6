import Taro from '@tarojs/taro';

/** Plays a local recording (a temporary file, a blob URL); `onDone(failed)` when it ends or cannot play. */
export function playRecording(src: string, onDone: (failed: boolean) => void): Taro.InnerAudioContext {
  const audio = Taro.createInnerAudioContext();
  audio.src = src;
  audio.onEnded(() => onDone(false));
  audio.onError(() => onDone(true));
  audio.play();
  return audio;
}
