import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { ErrorCode, VisitView } from '@redvest/contract';
import {
  queuedVisits,
  queueVisit,
  resetOfflineVisitsForTest,
  sendQueuedVisits,
  subscribeOfflineVisits,
} from './offline-visits';

const body = { visitedAt: '2026-11-23T10:00:00.000+08:00', residents: 2 };
const sent = { id: 'v1' } as VisitView;

describe('offline visits (待上传)', () => {
  beforeEach(() => {
    resetOfflineVisitsForTest();
    jest.clearAllMocks();
  });

  it('keeps a visit in the storage, once per form key', () => {
    const listener = jest.fn();
    subscribeOfflineVisits(listener);

    queueVisit({ key: 'k1', householdId: 'h1', label: '1栋 1单元 101', body });
    queueVisit({ key: 'k1', householdId: 'h1', label: '1栋 1单元 101', body: { ...body, residents: 3 } });
    queueVisit({ key: 'k2', householdId: 'h2', label: '1栋 1单元 102', body });

    expect(queuedVisits().map((visit) => visit.key)).toEqual(['k1', 'k2']);
    expect(queuedVisits()[0].body.residents).toBe(3);
    expect(Taro.setStorageSync).toHaveBeenCalledWith('contact.offlineVisits', expect.any(Array));
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('sends each visit with the key it was saved with and empties the queue', async () => {
    queueVisit({ key: 'k1', householdId: 'h1', label: '101', body });
    queueVisit({ key: 'k2', householdId: 'h2', label: '102', body });
    const send = jest.fn().mockResolvedValue(sent);

    await expect(sendQueuedVisits(send)).resolves.toBe(2);

    expect(send).toHaveBeenNthCalledWith(1, 'h1', body, 'k1');
    expect(send).toHaveBeenNthCalledWith(2, 'h2', body, 'k2');
    expect(queuedVisits()).toEqual([]);
  });

  it('stops at the first network error and keeps the rest for later', async () => {
    queueVisit({ key: 'k1', householdId: 'h1', label: '101', body });
    queueVisit({ key: 'k2', householdId: 'h2', label: '102', body });
    const send = jest.fn().mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'));

    await expect(sendQueuedVisits(send)).resolves.toBe(0);

    expect(send).toHaveBeenCalledTimes(1);
    expect(queuedVisits().map((visit) => visit.key)).toEqual(['k1', 'k2']);
  });

  it('drops a visit the server refuses, and goes on with the next', async () => {
    queueVisit({ key: 'k1', householdId: 'h1', label: '101', body });
    queueVisit({ key: 'k2', householdId: 'h2', label: '102', body });
    const send = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(403, ErrorCode.NotInAssignedGroup, '不是本组的住户'))
      .mockResolvedValueOnce(sent);

    await expect(sendQueuedVisits(send)).resolves.toBe(1);

    expect(queuedVisits()).toEqual([]);
  });
});
