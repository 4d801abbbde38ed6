import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WishVoiceNote } from '@redvest/contract';
import { toApiError } from '../../hooks/useAsync';
import { downloadWithLogin } from '../../services/files';
import { playRecording } from '../../services/voice-playback';
import { VoiceProblem } from '../VoiceNote';
import '../VoiceNote.scss';

/**
 * A wish's 语音说明: a button that plays it for those given its link (fetched with the login, since the server
 * serves it only to them), and for everyone else a line saying there is one.
 */
export function VoicePlayer({ voice }: { voice: WishVoiceNote }) {
  const [playing, setPlaying] = useState(false);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const local = useRef<string | null>(null);
  const player = useRef<Taro.InnerAudioContext | null>(null);
  useEffect(() => () => player.current?.destroy(), []);

  if (!voice.url) {
    return <Text className="rv-muted">有一段 {voice.seconds} 秒的语音说明，认领后可以收听。</Text>;
  }
  const url = voice.url;

  const toggle = async () => {
    if (playing) {
      player.current?.stop();
      setPlaying(false);
      return;
    }
    setProblem(null);
    try {
      if (!local.current) {
        setLoading(true);
        local.current = await downloadWithLogin(url);
      }
      player.current?.destroy();
      setPlaying(true);
      player.current = playRecording(local.current, () => setPlaying(false));
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <View className="voice-note voice-player">
      <Button
        className="voice-note__button"
        type="primary"
        fill="outline"
        block
        loading={loading}
        onClick={() => void toggle()}
      >
        {playing ? '停止播放' : `播放语音说明（${voice.seconds} 秒）`}
      </Button>
      <VoiceProblem text={problem} />
    </View>
  );
}
