import Taro from '@tarojs/taro';
import { rememberElderlyMode } from './elderly-mode';
import { ELDERLY_TOAST_MS, showToast } from './toast';

describe('toasts', () => {
  beforeEach(() => jest.clearAllMocks());

  it('are left as the page asks in normal mode', async () => {
    rememberElderlyMode(false);
    await showToast({ title: '已保存', icon: 'success' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('stay at least 5 seconds in 长辈模式, longer if the page asks', async () => {
    rememberElderlyMode(true);
    await showToast({ title: '已保存', icon: 'success' });
    await showToast({ title: '网络不好', icon: 'none', duration: 8000 });
    expect(Taro.showToast).toHaveBeenNthCalledWith(1, {
      title: '已保存',
      icon: 'success',
      duration: ELDERLY_TOAST_MS,
    });
    expect(Taro.showToast).toHaveBeenNthCalledWith(2, { title: '网络不好', icon: 'none', duration: 8000 });
    rememberElderlyMode(false);
  });
});
