import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { errorResponse, fakeTransport, ok } from '../../test/fake-transport';
import { findByTextIn } from '../../test/dom';
import { correctionFixture } from '../../test/activity-admin-fixtures';
import CorrectionsPage from './index';

const pending = {
  items: [
    correctionFixture(),
    correctionFixture({
      id: 'k2',
      userId: 'u2',
      userName: '陈丽',
      recordedMinutes: 120,
      requestedMinutes: 90,
      reason: '提前离开了，多记了半小时',
    }),
  ],
  nextCursor: null,
};

const card = (name: string) => findByTextIn('.correction-card', name);

/** Taro's textarea draws its native box a moment after the dialog. */
async function reasonBox(): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLTextAreaElement>('.reason-dialog__input textarea');
    if (!found) throw new Error('no reason box');
    return found;
  });
}

describe('服务记录更正 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('lists the pending requests with the recorded and the requested time', async () => {
    const fake = fakeTransport({ 'GET /api/communities/c1/corrections': ok(pending) });
    setTransport(fake.transport);
    render(<CorrectionsPage />);

    expect(await screen.findByText('赵志远')).toBeTruthy();
    expect(fake.requests[0].query).toMatchObject({ status: 'pending' });
    expect(within(card('赵志远')).getByText('1 小时')).toBeTruthy();
    expect(within(card('赵志远')).getByText('2 小时 30 分钟')).toBeTruthy();
    expect(within(card('赵志远')).getByText('比记录多 1 小时 30 分钟')).toBeTruthy();
    expect(within(card('赵志远')).getByText('申请理由：签退时手机没电，实际服务到 11 点半')).toBeTruthy();
    expect(within(card('陈丽')).getByText('比记录少 30 分钟')).toBeTruthy();
  });

  it('accepts a request with a typed reason and takes it off the list', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/corrections': ok(pending),
      'POST /api/corrections/k1/accept': ok(correctionFixture({ status: 'accepted' })),
    });
    setTransport(fake.transport);
    render(<CorrectionsPage />);

    await screen.findByText('赵志远');
    fireEvent.click(within(card('赵志远')).getByText('同意'));
    expect(await screen.findByText(/把赵志远的服务时长改为 2 小时 30 分钟/)).toBeTruthy();
    const box = await reasonBox();
    fireEvent.click(screen.getByText('确定同意'));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
    await act(async () => {
      fireEvent.input(box, { target: { value: '  已与现场负责人王姐核实  ' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByText('确定同意'));
    });

    const accept = fake.requests.find((r) => r.method === 'POST');
    expect(accept?.path).toBe('/api/corrections/k1/accept');
    expect(accept?.body).toEqual({ reason: '已与现场负责人王姐核实' });
    await waitFor(() => expect(screen.queryByText('赵志远')).toBeNull());
    expect(document.querySelectorAll('.correction-card')).toHaveLength(1);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已同意更正', icon: 'success' });
  });

  it('refuses with a reason the volunteer will see', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/corrections': ok(pending),
      'POST /api/corrections/k2/refuse': ok(correctionFixture({ id: 'k2', status: 'refused' })),
    });
    setTransport(fake.transport);
    render(<CorrectionsPage />);

    await screen.findByText('陈丽');
    fireEvent.click(within(card('陈丽')).getByText('不同意'));
    expect(await screen.findByText('请填写原因（必填），陈丽能看到：')).toBeTruthy();
    await reasonBox();
    fireEvent.click(screen.getByText('未能核实实际服务时长'));
    await act(async () => {
      fireEvent.click(screen.getByText('确定不同意'));
    });

    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '未能核实实际服务时长' });
    await waitFor(() => expect(screen.queryByText('陈丽')).toBeNull());
  });

  it('drops a request someone else has decided meanwhile', async () => {
    setTransport(
      fakeTransport({
        'GET /api/communities/c1/corrections': ok(pending),
        'POST /api/corrections/k1/accept': errorResponse(ErrorCode.CorrectionDecided),
      }).transport,
    );
    render(<CorrectionsPage />);

    await screen.findByText('赵志远');
    fireEvent.click(within(card('赵志远')).getByText('同意'));
    await reasonBox();
    fireEvent.click(screen.getByText('已与现场负责人核实'));
    await act(async () => {
      fireEvent.click(screen.getByText('确定同意'));
    });

    await waitFor(() => expect(screen.queryByText('赵志远')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '这条已被他人处理', icon: 'none', duration: 2500 });
  });

  it('shows the decided ones with the decision on their own tabs', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/corrections': (request) =>
        ok(
          request.query?.status === 'refused'
            ? {
                items: [
                  correctionFixture({
                    status: 'refused',
                    decisionReason: '与签到记录相符',
                    decidedAt: '2026-11-24T09:00:00.000+08:00',
                  }),
                ],
                nextCursor: null,
              }
            : { items: [], nextCursor: null },
        ),
    });
    setTransport(fake.transport);
    render(<CorrectionsPage />);

    expect(await screen.findByText('没有待处理的更正申请')).toBeTruthy();
    fireEvent.click(screen.getByText('未更正'));
    expect(await screen.findByText('处理意见：与签到记录相符')).toBeTruthy();
    expect(screen.queryByText('同意')).toBeNull();
  });
});
