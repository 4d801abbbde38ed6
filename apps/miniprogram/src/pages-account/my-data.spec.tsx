import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import { click, findByTextIn } from '../test/dom';
import { exportFixture } from '../test/privacy-fixtures';
import MyDataPage from './my-data';

/** jsdom's Blob has no text(): read it the way a browser without it would. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('导出我的数据 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('counts what is held by section and shows all of it, decrypted', async () => {
    setTransport(fakeTransport({ 'GET /api/me/export': ok(exportFixture()) }).transport);
    render(<MyDataPage />);

    expect(await screen.findByText('我们保存的关于您的信息')).toBeTruthy();
    expect(within(findByTextIn('.my-data__section', '加入的社区')).getByText('1')).toBeTruthy();
    expect(within(findByTextIn('.my-data__section', '积分和时长明细')).getByText('1')).toBeTruthy();
    expect(within(findByTextIn('.my-data__section', '我发布的心愿')).getByText('0')).toBeTruthy();
    expect(screen.getByText(/"phone": "13912345678"/)).toBeTruthy();
  });

  it('saves the whole export as a JSON file', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => (created.push(blob), 'blob:export')),
      revokeObjectURL: jest.fn(),
    });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    setTransport(fakeTransport({ 'GET /api/me/export': ok(exportFixture()) }).transport);
    render(<MyDataPage />);

    await click(await screen.findByText('下载数据文件'));
    expect(clicked).toHaveBeenCalled();
    expect(JSON.parse(await textOf(created[0]))).toEqual(exportFixture());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开始下载' }));
  });
});
