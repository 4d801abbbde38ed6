import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../services/api';
import { queueVisit, resetOfflineVisitsForTest } from '../services/offline-visits';
import { fakeTransport, ok } from '../test/fake-transport';
import { myHouseholdFixture } from '../test/contact-fixtures';
import MyHouseholdsPage from './index';

const households = {
  items: [
    myHouseholdFixture(),
    myHouseholdFixture({
      id: 'h601',
      label: '阳光里小区 1栋 1单元 601',
      floor: 6,
      room: '601',
      lastVisitedAt: '2026-11-13T10:00:00.000+08:00',
      overdue: false,
      flags: ['elderly_alone'],
    }),
    myHouseholdFixture({ id: 'h102', label: '阳光里小区 1栋 1单元 102', room: '102' }),
  ],
};

function row(room: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('.contact-row')].find((node) =>
    node.textContent?.includes(room),
  );
  if (!found) throw new Error(`no row of ${room}`);
  return found;
}

describe('我的包户 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineVisitsForTest();
    jest.clearAllMocks();
  });

  it('lists my households by floor, top floor first, with overdue marks and flags', async () => {
    setTransport(fakeTransport({ 'GET /api/me/households': ok(households) }).transport);

    render(<MyHouseholdsPage />);

    await screen.findByText('601');
    const floors = [...document.querySelectorAll('.contact-floor__title')].map((node) => node.textContent);
    expect(floors).toEqual(['1栋 1单元 · 6层', '1栋 1单元 · 1层']);
    expect(within(row('601')).getByText('独居老人')).toBeTruthy();
    expect(within(row('601')).queryByText('逾期')).toBeNull();
    expect(within(row('601')).getByText('上次走访 11月13日')).toBeTruthy();
    expect(within(row('101')).getByText('逾期')).toBeTruthy();
    expect(within(row('101')).getByText('从未走访')).toBeTruthy();
    expect(screen.getByText('共 3 户，2 户逾期未走访')).toBeTruthy();

    fireEvent.click(row('101'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-contact/household?id=h101' });
  });

  it('marks a household whose visit waits on the phone as 待上传', async () => {
    queueVisit({ key: 'k1', householdId: 'h102', label: '102', body: { visitedAt: '2026-11-23T10:00:00Z' } });
    setTransport(
      fakeTransport({
        'GET /api/me/households': ok(households),
        'POST /api/households/h102/visits': () => {
          throw new Error('no network');
        },
      }).transport,
    );

    render(<MyHouseholdsPage />);

    await screen.findByText('102');
    expect(within(row('102')).getByText('待上传')).toBeTruthy();
  });

  it('shows an empty state without households', async () => {
    setTransport(fakeTransport({ 'GET /api/me/households': ok({ items: [] }) }).transport);
    render(<MyHouseholdsPage />);
    expect(await screen.findByText('还没有包户')).toBeTruthy();
  });
});
