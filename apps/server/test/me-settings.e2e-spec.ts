import { ErrorCode } from '@redvest/contract';
import { errorOf } from './errors';
import { unique } from './harness';
import { describeWithApp } from './world';

describeWithApp('我的设置: elderly mode follows the person', (w) => {
  it('starts off and not yet chosen, and is kept once switched, for every later login', async () => {
    const openid = unique('elder');
    const person = await w.t.login(openid, '孙奶奶');
    expect((await person.me.get()).settings).toEqual({ elderlyMode: false, elderlyModeChosen: false });

    const on = await person.me.updateSettings({ elderlyMode: true });
    expect(on.settings).toEqual({ elderlyMode: true, elderlyModeChosen: true });
    const onAnotherPhone = await w.t.login(openid, '孙奶奶');
    expect((await onAnotherPhone.me.get()).settings).toEqual({ elderlyMode: true, elderlyModeChosen: true });

    // Declining the offer is a choice too: it is not offered again.
    const other = await w.t.login(unique('young'), '小王');
    expect((await other.me.updateSettings({ elderlyMode: false })).settings).toEqual({
      elderlyMode: false,
      elderlyModeChosen: true,
    });
  });

  it('refuses anything but true or false, and changes nothing', async () => {
    const person = await w.t.login(unique('elder'), '赵大爷');
    for (const body of [{}, { elderlyMode: 'yes' }, { elderlyMode: 1 }, { elderlyMode: null }]) {
      const refused = await errorOf(person.raw('PUT', '/api/me/settings', { body }));
      expect(refused).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
      expect(refused.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await person.me.get()).settings).toEqual({ elderlyMode: false, elderlyModeChosen: false });
  });
});
