import { createApiClient, fetchTransport } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { currentPage, screenshot, settle } from '../support/browser';
import { button, confirmModal, expectText, openTab, useDemoSession } from '../support/demo-session';

/**
 * 注销账号 end to end: 孙桂芳 (demo-resident, who posted the demo's wishes) reads what deletion erases and
 * keeps on 我的 → 注销账号, confirms twice and lands on the login page; her old token no longer works, her
 * openid starts a fresh account, and the community's ledger still verifies.
 */
describe('privacy: deleting my account from 我的', () => {
  const session = useDemoSession();

  it('erases 孙桂芳’s account after she confirms, logs her out, and leaves the ledger verified', async () => {
    const page = await session.loggedIn('demo-resident');
    const token = await page.evaluate(() => {
      const stored = localStorage.getItem('token') ?? '';
      try {
        return (JSON.parse(stored) as { data?: string }).data ?? stored;
      } catch {
        return stored;
      }
    });
    const old = createApiClient(fetchTransport(session.baseUrl()), { getToken: () => token });
    expect((await old.me.get()).memberships).toHaveLength(1);

    await openTab(page, '我的');
    await currentPage(page).locator('.nut-cell').filter({ hasText: '注销账号' }).click();
    await page.waitForURL(/pages-account\/delete-account/);
    const erase = currentPage(page);
    await expectText(erase, '注销后将删除');
    await expectText(erase, '还没领取的兑换订单，取消并退回积分');
    await expectText(erase, '积分账本中的每一笔流水和备注');
    await settle(page);
    await screenshot(page, 'delete-account.png');

    await erase.getByText('我已阅读并了解以上内容').click();
    await button(erase, '注销账号').click();
    await confirmModal(page, '确定注销账号吗？');
    await page.locator('.login-demo__user').first().waitFor({ state: 'visible', timeout: 30000 });

    await expect(old.me.get()).rejects.toMatchObject({ status: 401, code: ErrorCode.TokenInvalid });
    const anonymous = createApiClient(fetchTransport(session.baseUrl()));
    const again = await anonymous.auth.devLogin({ openid: 'demo-resident' });
    const fresh = createApiClient(fetchTransport(session.baseUrl()), { getToken: () => again.token });
    await expect(fresh.me.get()).resolves.toMatchObject({
      memberships: [],
      privacy: { agreedVersion: null },
    });

    const secretaryLogin = await anonymous.auth.devLogin({ openid: 'demo-secretary' });
    const secretary = createApiClient(fetchTransport(session.baseUrl()), {
      getToken: () => secretaryLogin.token,
    });
    const cid = (await secretary.me.get()).memberships[0].communityId;
    await expect(secretary.points.verify(cid)).resolves.toMatchObject({ ok: true });
    const board = await secretary.wishes.list(cid);
    expect(board.items.map((w) => w.authorName)).not.toContain('孙桂芳');
  });
});
