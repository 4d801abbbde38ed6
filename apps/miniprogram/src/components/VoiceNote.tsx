import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import { VOICE_LIMITS } from '@redvest/contract';
import { toApiError } from '../hooks/useAsync';
import { api } from '../services/api';
import { playRecording } from '../services/voice-playback';
import { startRecording } from '../services/voice-recorder';
import { RecordingFailed, RecordingSession, VoiceRecording } from '../services/voice-recording';
import './VoiceNote.scss';

type Phase = 'idle' | 'recording' | 'uploading' | 'ready';

/**
 * 语音说明: 录音 / 停止 (the seconds counting, stopping by itself at a minute), then 试听, 重录 and 删除. The
 * recording is uploaded as soon as it stops; the form is told its id (null while there is none) and whether an
 * upload is still running.
 */
export function VoiceNote({
  onChange,
  onBusyChange,
}: {
  onChange: (voiceId: string | null) => void;
  onBusyChange?: (busy: boolean) => void;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [recording, setRecording] = useState<VoiceRecording | null>(null);
  const [playing, setPlaying] = useState(false);
  const session = useRef<RecordingSession | null>(null);
  const ticker = useRef<ReturnType<typeof setInterval>>();
  const player = useRef<Taro.InnerAudioContext | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onBusyRef = useRef(onBusyChange);
  onBusyRef.current = onBusyChange;

  useEffect(() => onBusyRef.current?.(phase === 'recording' || phase === 'uploading'), [phase]);
  useEffect(
    () => () => {
      clearInterval(ticker.current);
      session.current?.stop();
      player.current?.destroy();
    },
    [],
  );

  const stopPlaying = () => {
    player.current?.stop();
    setPlaying(false);
  };

  const stopped = async (result: VoiceRecording | RecordingFailed) => {
    clearInterval(ticker.current);
    session.current = null;
    if (result instanceof RecordingFailed) {
      setPhase('idle');
      setProblem(result.message);
      return;
    }
    setRecording(result);
    setPhase('uploading');
    try {
      const uploaded = await api.uploads.voice(result.source);
      setRecording({ ...result, seconds: uploaded.seconds });
      setPhase('ready');
      onChangeRef.current(uploaded.id);
    } catch (error) {
      setRecording(null);
      setPhase('idle');
      setProblem(toApiError(error).message);
    }
  };

  const record = () => {
    stopPlaying();
    setProblem(null);
    setRecording(null);
    onChangeRef.current(null);
    setElapsed(0);
    setPhase('recording');
    const started = Date.now();
    ticker.current = setInterval(
      () => setElapsed(Math.min(VOICE_LIMITS.maxSeconds, Math.floor((Date.now() - started) / 1000))),
      250,
    );
    session.current = startRecording((result) => void stopped(result));
  };

  const stop = () => session.current?.stop();

  const listen = () => {
    if (!recording) return;
    if (playing) return stopPlaying();
    player.current?.destroy();
    setPlaying(true);
    player.current = playRecording(recording.playSrc, (failed) => {
      setPlaying(false);
      if (failed) setProblem('这段录音放不出来，请重录一段');
    });
  };

  const remove = () => {
    stopPlaying();
    setRecording(null);
    setPhase('idle');
    setProblem(null);
    onChangeRef.current(null);
  };

  return (
    <View className="voice-note">
      {phase === 'idle' ? (
        <Button className="voice-note__button" type="primary" fill="outline" block onClick={record}>
          录音
        </Button>
      ) : null}
      {phase === 'recording' ? (
        <View className="voice-note__row">
          <Text className="voice-note__elapsed" aria-live="polite">
            正在录音 {elapsed} 秒（最长 {VOICE_LIMITS.maxSeconds} 秒）
          </Text>
          <Button className="voice-note__button" type="primary" onClick={stop}>
            停止
          </Button>
        </View>
      ) : null}
      {phase === 'uploading' ? (
        <View className="voice-note__row">
          <Loading />
          <Text className="voice-note__elapsed">正在保存录音……</Text>
        </View>
      ) : null}
      {phase === 'ready' && recording ? (
        <>
          <Text className="voice-note__elapsed">已录好 {recording.seconds} 秒</Text>
          <View className="voice-note__row">
            <Button className="voice-note__button" type="primary" fill="outline" onClick={listen}>
              {playing ? '停止试听' : '试听'}
            </Button>
            <Button className="voice-note__button" fill="outline" onClick={record}>
              重录
            </Button>
            <Button className="voice-note__button" fill="outline" onClick={remove}>
              删除
            </Button>
          </View>
        </>
      ) : null}
      <VoiceProblem text={problem} />
    </View>
  );
}

/** Why recording or playing did not work, read out when it appears. */
export function VoiceProblem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View role="alert">
      <Text className="voice-note__problem">{text}</Text>
    </View>
  );
}
