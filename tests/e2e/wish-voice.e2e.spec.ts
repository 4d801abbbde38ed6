import { Page } from 'playwright-core';
import { currentPage, settle } from '../support/browser';
import { button, confirmModal, openTab, useDemoSession } from '../support/demo-session';

/**
 * 语音说明 on H5: 孙桂芳 (demo-resident) records about two seconds with the phone's microphone (Chromium's fake
 * one), hears it back and posts her wish with it; her wish page plays it (fetched with her login), and the
 * volunteer 刘志强 (demo-volunteer), who has nothing to do with the wish, sees only that it has one.
 */
describe('wishes: a voice note recorded in the browser', () => {
  const TITLE = '想请人帮忙修一下门锁';
  const session = useDemoSession();
  let resident: Page;
  let wishId: string;

  it('lets 孙桂芳 record, hear and keep a voice note on the post form, and post the wish with it', async () => {
    resident = await session.loggedIn('demo-resident');
    await openTab(resident, '心愿');
    await button(currentPage(resident), '发布心愿').click();
    await resident.waitForURL(/pages-wishes\/post/);
    const form = currentPage(resident);
    await form.getByText('语音说明（可选，最长 60 秒）').waitFor({ state: 'visible', timeout: 30000 });
    await form.locator('.wish-tile').filter({ hasText: '维修服务' }).click();
    await form.locator('input[placeholder="想请大家帮什么忙？"]').fill(TITLE);
    await form.locator('textarea').first().fill('家门的锁芯不太灵了，钥匙经常拧不动。');

    const voice = form.locator('.voice-note');
    await button(voice, '录音').click();
    await voice.getByText(/正在录音 [2-9] 秒/).waitFor({ timeout: 30000 });
    const uploaded = resident.waitForResponse((r) => r.url().endsWith('/api/uploads/voice'));
    await button(voice, '停止').click();
    expect((await uploaded).status()).toBe(201);
    await voice.getByText(/已录好 \d+ 秒/).waitFor({ timeout: 30000 });
    for (const label of ['试听', '重录', '删除']) await button(voice, label).waitFor();
    await button(voice, '试听').click();

    const posted = resident.waitForResponse((r) => /\/api\/communities\/[^/]+\/wishes$/.test(r.url()));
    await button(form, '发布心愿').click();
    await confirmModal(resident, '确认发布');
    const answer = await posted;
    expect(answer.status()).toBe(201);
    const wish = (await answer.json()) as { id: string; voiceNote: { seconds: number } | null };
    expect(wish.voiceNote?.seconds).toBeGreaterThanOrEqual(2);
    wishId = wish.id;
    await confirmModal(resident, '已提交');
    await resident.waitForURL(/pages-wishes\/detail/);
  });

  it('plays it on her wish page', async () => {
    const detail = currentPage(resident);
    const player = button(detail.locator('.voice-player'), '播放语音说明（\\d+ 秒）');
    await player.waitFor({ state: 'visible', timeout: 30000 });
    const played = resident.waitForResponse((r) => r.url().endsWith(`/api/wishes/${wishId}/voice`));
    await player.click();
    const audio = await played;
    expect(audio.status()).toBe(200);
    expect(audio.headers()['content-type']).toBe('audio/mpeg');
  });

  it('shows an unrelated volunteer only that there is one, with no player', async () => {
    const secretary = await session.apiAs('demo-secretary');
    await secretary.wishes.review(wishId, { action: 'publish' });
    const volunteer = await session.loggedIn('demo-volunteer');
    await volunteer.goto(`${session.baseUrl()}/#/pages-wishes/detail?id=${wishId}`);
    await settle(volunteer);
    const detail = currentPage(volunteer);
    await detail.locator('.wish-detail__title', { hasText: TITLE }).waitFor({ timeout: 30000 });
    await detail.getByText(/有一段 \d+ 秒的语音说明，认领后可以收听/).waitFor({ timeout: 30000 });
    await expect(detail.locator('.voice-player').count()).resolves.toBe(0);
    const api = await session.apiAs('demo-volunteer');
    await expect(api.wishes.get(wishId)).resolves.toMatchObject({ voiceNote: { url: null } });
  });
});
