import type { UploadSource } from '@redvest/api-client';

/** A finished recording: what to upload, what to play back before uploading, and how long it is. */
export interface VoiceRecording {
  source: UploadSource;
  /** A local address to play (a temporary file in the mini-program, a blob URL on H5). */
  playSrc: string;
  seconds: number;
}

/** A recording under way; `stop` ends it, and the result comes to the callback given at the start. */
export interface RecordingSession {
  stop(): void;
}

export const MICROPHONE_REFUSED = '没有麦克风权限：请在浏览器或微信设置里允许使用麦克风，然后再点“录音”';

/** Why nothing was recorded, in words for the person. */
export class RecordingFailed extends Error {}
