import { ErrorCode } from '@redvest/contract';
import { errorOf } from './errors';
import { unique } from './harness';
import { mp3, voiceFile as file } from './voice-fixtures';
import { describeWithApp } from './world';

describeWithApp('语音留言: MP3 uploads of at most a minute', (w) => {
  const uploads = async () => Number((await w.t.dataSource.query('SELECT COUNT(*) AS n FROM uploads'))[0].n);

  it('keeps a recording with its length read from the file, and plays it back through its signed link', async () => {
    const elder = await w.t.login(unique('elder'), '孙奶奶');
    const recording = mp3(12);
    const voice = await elder.uploads.voice(file(recording));
    expect(voice.seconds).toBe(12);
    const played = await fetch(`${w.t.baseUrl}${voice.url}`);
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await played.arrayBuffer()).equals(recording)).toBe(true);
    const [row] = await w.t.dataSource.query('SELECT seconds, content_type FROM uploads WHERE id = ?', [
      voice.id,
    ]);
    expect(row).toMatchObject({ seconds: 12, content_type: 'audio/mpeg' });
  });

  it('takes a full minute at the recorder’s rate, and refuses longer, larger, not MP3 or nothing, storing nothing', async () => {
    const elder = await w.t.login(unique('elder'), '孙奶奶');
    expect((await elder.uploads.voice(file(mp3(60)))).seconds).toBe(60);
    const before = await uploads();
    const refusals: [Buffer, number, ErrorCode][] = [
      [mp3(75), 422, ErrorCode.VoiceTooLong],
      [mp3(70, 44100, 128), 413, ErrorCode.VoiceTooLarge],
      [Buffer.from('这不是录音'.repeat(200)), 415, ErrorCode.VoiceTypeNotAllowed],
      [
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]),
        415,
        ErrorCode.VoiceTypeNotAllowed,
      ],
    ];
    for (const [content, status, code] of refusals) {
      const refused = await errorOf(elder.uploads.voice(file(content)));
      expect(refused).toMatchObject({ status, code });
      expect(refused.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await errorOf(elder.raw('POST', '/api/uploads/voice', { body: {} }))).toMatchObject({
      status: 400,
      code: ErrorCode.VoiceMissing,
    });
    expect(await uploads()).toBe(before);
  });
});
