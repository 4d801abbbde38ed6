import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode, ERROR_CATALOG, TransferCode, TransferStatus, Unit } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { findByTextIn } from '../../test/dom';
import { approvalFixture } from '../../test/fixtures';
import ApprovalsPage from './index';

const queue = {
  items: [
    approvalFixture(),
    approvalFixture({ transferId: 'p2', userName: '陈丽', linkId: 'l2' }),
    approvalFixture({ transferId: 'm1', unit: Unit.Minutes, amount: 120 }),
    approvalFixture({ transferId: 'm2', userName: '陈丽', unit: Unit.Minutes, amount: 90, linkId: 'l2' }),
    approvalFixture({
      transferId: 'p3',
      userName: '刘洋',
      linkId: null,
      amount: 5,
      code: TransferCode.WishFulfilled,
      codeLabel: '完成微心愿',
      memo: '帮孙奶奶取药',
    }),
  ],
  nextCursor: null,
};

const card = (name: string) => findByTextIn('.approval-card', name);

describe('积分审批 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('shows the points and minutes of one attendance as one row', async () => {
    const fake = fakeTransport({ 'GET /api/communities/c1/approvals': ok(queue) });
    setTransport(fake.transport);

    render(<ApprovalsPage />);

    expect(await screen.findByText('赵志远')).toBeTruthy();
    expect(document.querySelectorAll('.approval-card')).toHaveLength(3);
    expect(within(card('赵志远')).getByText('15 积分 + 2 小时')).toBeTruthy();
    expect(within(card('赵志远')).getByText('志愿服务签到：小区环境整治')).toBeTruthy();
    expect(within(card('赵志远')).getByText(/11月23日 18:30/)).toBeTruthy();
    expect(within(card('陈丽')).getByText('15 积分 + 1 小时 30 分钟')).toBeTruthy();
    expect(within(card('刘洋')).getByText('5 积分')).toBeTruthy();
    expect(screen.getByText(/共 3 条待审批/)).toBeTruthy();
  });

  it('approves a row with one request and takes it off the list', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/approvals': ok(queue),
      'POST /api/approvals/p1/approve': ok({
        items: [
          { id: 'p1', status: TransferStatus.Posted },
          { id: 'm1', status: TransferStatus.Posted },
        ],
      }),
    });
    setTransport(fake.transport);

    render(<ApprovalsPage />);
    await screen.findByText('赵志远');
    await act(async () => {
      fireEvent.click(within(card('赵志远')).getByText('通过'));
    });

    await waitFor(() => expect(screen.queryByText('赵志远')).toBeNull());
    const decisions = fake.requests.filter((r) => r.method === 'POST');
    expect(decisions.map((r) => r.path)).toEqual(['/api/approvals/p1/approve']);
    expect(decisions[0].headers.authorization).toBe('Bearer test-token');
    expect(document.querySelectorAll('.approval-card')).toHaveLength(2);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已通过', icon: 'success' });
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/approvals': ok(queue),
      'POST /api/approvals/p3/reject': ok({ items: [{ id: 'p3', status: TransferStatus.Voided }] }),
    });
    setTransport(fake.transport);

    render(<ApprovalsPage />);
    await screen.findByText('刘洋');
    fireEvent.click(within(card('刘洋')).getByText('不通过'));

    const confirm = await screen.findByText('确定不通过');
    fireEvent.click(confirm);
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByText('重复登记'));
    await act(async () => {
      fireEvent.click(screen.getByText('确定不通过'));
    });

    await waitFor(() => expect(screen.queryByText('刘洋')).toBeNull());
    const reject = fake.requests.find((r) => r.path === '/api/approvals/p3/reject');
    expect(reject?.body).toEqual({ reason: '重复登记' });
  });

  it('decides the chosen rows in one batch and keeps the ones that failed, with the reason', async () => {
    const notPending = ERROR_CATALOG[ErrorCode.TransferNotPending];
    const fake = fakeTransport({
      'GET /api/communities/c1/approvals': ok(queue),
      'POST /api/communities/c1/approvals/batch': ok({
        results: [
          { transferId: 'p1', ok: true },
          {
            transferId: 'p2',
            ok: false,
            error: { code: ErrorCode.TransferNotPending, message: notPending.message },
          },
          { transferId: 'p3', ok: true },
        ],
      }),
    });
    setTransport(fake.transport);

    render(<ApprovalsPage />);
    await screen.findByText('赵志远');
    fireEvent.click(screen.getByText('全选'));
    expect(screen.getByText('全选（3）')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('批量通过'));
    });

    await waitFor(() => expect(screen.queryByText('赵志远')).toBeNull());
    const batch = fake.requests.find((r) => r.path === '/api/communities/c1/approvals/batch');
    expect(batch?.body).toEqual({ transferIds: ['p1', 'p2', 'p3'], action: 'approve' });
    expect(screen.queryByText('刘洋')).toBeNull();
    expect(within(card('陈丽')).getByText(`未能处理：${notPending.message}`)).toBeTruthy();
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '2 条已通过，1 条未成功' }),
    );
  });
});
