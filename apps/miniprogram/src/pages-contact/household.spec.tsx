import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../services/api';
import { queuedVisits, resetOfflineVisitsForTest } from '../services/offline-visits';
import { fakeTransport, ok } from '../test/fake-transport';
import { householdCardFixture } from '../test/contact-fixtures';
import { meFixture } from '../test/fixtures';
import HouseholdPage from './household';

async function type(selector: string, value: string) {
  const field = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

describe('住户卡片 and 入户走访', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineVisitsForTest();
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'h101' }, path: '' });
  });

  it('records a visit with its flags and a demand, with an Idempotency-Key', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/households/h101': ok(householdCardFixture()),
      'POST /api/households/h101/visits': ok({ id: 'v1' }),
    });
    setTransport(fake.transport);

    render(<HouseholdPage />);

    expect(await screen.findByText('阳光里小区 1栋 1单元 101')).toBeTruthy();
    expect(screen.getByText('包户小组：阳光里1栋党员小组')).toBeTruthy();
    expect(screen.getByText('上次走访：从未走访')).toBeTruthy();
    expect(await screen.findByText('刘建国')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: '张卫东' })).toBeNull();
    fireEvent.click(screen.getByText('陈秀英'));
    fireEvent.click(screen.getByLabelText('增加'));
    fireEvent.click(screen.getByText('出租'));
    fireEvent.click(screen.getByText('独居老人'));
    await type('.visit-form input[type="tel"]', '13800001111');
    fireEvent.click(screen.getByText('添加诉求'));
    fireEvent.click(screen.getByText('住房维修'));
    await type('.visit-demand__text textarea', ' 厨房漏水 ');
    await act(async () => {
      fireEvent.click(screen.getByText('登记走访'));
    });

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '走访已登记' })),
    );
    const sent = fake.requests.find((r) => r.method === 'POST');
    expect(sent?.body).toMatchObject({
      visitorIds: ['u4'],
      residents: 2,
      rented: true,
      phone: '13800001111',
      flags: ['elderly_alone'],
      demands: [{ category: '住房维修', text: '厨房漏水' }],
    });
    expect(sent?.headers?.['idempotency-key']).toMatch(/^visit-/);
  });

  it('keeps the visit on the phone (待上传) when there is no network', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/households/h101': ok(householdCardFixture()),
        'POST /api/households/h101/visits': () => {
          throw new Error('no network');
        },
      }).transport,
    );

    render(<HouseholdPage />);
    await screen.findByText('阳光里小区 1栋 1单元 101');
    fireEvent.click(screen.getByText('残疾人'));
    await act(async () => {
      fireEvent.click(screen.getByText('登记走访'));
    });

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存在手机上' })),
    );
    const [kept] = queuedVisits();
    expect(kept).toMatchObject({ householdId: 'h101', body: { flags: ['disability'] } });
    expect(kept.key).toMatch(/^visit-/);
  });

  it('asks to fill a demand row before sending', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/households/h101': ok(householdCardFixture()),
    });
    setTransport(fake.transport);

    render(<HouseholdPage />);
    await screen.findByText('阳光里小区 1栋 1单元 101');
    fireEvent.click(screen.getByText('添加诉求'));
    await act(async () => {
      fireEvent.click(screen.getByText('登记走访'));
    });

    expect(screen.getByText('每条诉求都要选类别并写明内容')).toBeTruthy();
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the visit form only to the members of the assigned group', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture({ id: 'u9' })),
        'GET /api/households/h101': ok(householdCardFixture()),
      }).transport,
    );

    render(<HouseholdPage />);
    expect(await screen.findByText('入户走访由包干这户的小组成员登记。')).toBeTruthy();
    expect(screen.queryByText('登记走访')).toBeNull();
  });
});
