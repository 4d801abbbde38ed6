import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { UploadRequest } from '@redvest/api-client';
import { setTransport } from '../services/api';
import { ok } from '../test/fake-transport';
import { VoiceNote } from './VoiceNote';

/** WeChat's recorder as the mini-program sees it (jest resolves the mini-program's recorder file). */
function fakeRecorder() {
  const handlers: {
    stop?: (r: { tempFilePath: string; duration: number }) => void;
    error?: (e: { errMsg: string }) => void;
  } = {};
  const recorder = {
    start: jest.fn(),
    stop: jest.fn(() => handlers.stop?.({ tempFilePath: 'wxfile://tmp/voice.mp3', duration: 2300 })),
    onStop: (fn: typeof handlers.stop) => void (handlers.stop = fn),
    onError: (fn: typeof handlers.error) => void (handlers.error = fn),
  };
  Object.assign(Taro, { getRecorderManager: () => recorder });
  return { recorder, fail: (errMsg: string) => act(() => handlers.error?.({ errMsg })) };
}

function uploads() {
  const sent: UploadRequest[] = [];
  setTransport({
    send: async () => ok({}),
    upload: async (request) => {
      sent.push(request);
      return ok({ id: 'voice-1', url: '/api/uploads/voice-1', seconds: 2 });
    },
  });
  return sent;
}

describe('VoiceNote (语音说明)', () => {
  it('records an MP3 of at most a minute, uploads it on 停止, and offers 试听, 重录 and 删除', async () => {
    const { recorder } = fakeRecorder();
    const sent = uploads();
    const changes: (string | null)[] = [];
    render(<VoiceNote onChange={(id) => changes.push(id)} />);
    fireEvent.click(screen.getByText('录音'));
    expect(recorder.start).toHaveBeenCalledWith(expect.objectContaining({ format: 'mp3', duration: 60000 }));
    expect(screen.getByText(/正在录音 0 秒/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('停止')));
    await waitFor(() => expect(screen.getByText('已录好 2 秒')).toBeTruthy());
    expect(sent.map((r) => [r.path, r.file])).toEqual([
      ['/api/uploads/voice', { filePath: 'wxfile://tmp/voice.mp3' }],
    ]);
    for (const label of ['试听', '重录', '删除']) expect(screen.getByText(label)).toBeTruthy();
    fireEvent.click(screen.getByText('删除'));
    expect(screen.getByText('录音')).toBeTruthy();
    expect(changes).toEqual([null, 'voice-1', null]);
  });

  it('says how to allow the microphone when it is refused', async () => {
    const { fail } = fakeRecorder();
    uploads();
    render(<VoiceNote onChange={() => undefined} />);
    fireEvent.click(screen.getByText('录音'));
    await fail('operateRecorder:fail auth deny');
    expect(screen.getByText(/在浏览器或微信设置里允许使用麦克风/)).toBeTruthy();
    expect(screen.getByText('录音')).toBeTruthy();
  });
});
