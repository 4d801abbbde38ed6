import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HttpRequest } from '@redvest/api-client';
import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { adminActivityFixture } from '../../test/activity-admin-fixtures';
import EditPage from './edit';

/** Taro's input draws its native <input> (or <textarea>) a moment after the page. */
async function input(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(
      `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`,
    );
    if (!found) throw new Error(`no input ${placeholder}`);
    return found;
  });
}

async function type(placeholder: string, value: string) {
  const field = await input(placeholder);
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

/** The system picker answers with `change` (pickers in order: start date, start time, end date, end time). */
async function pick(index: number, value: string) {
  const picker = document.querySelectorAll('taro-picker-core')[index];
  await act(async () => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  });
}

async function fillNewActivity() {
  await type('如：重阳节敬老院慰问', ' 重阳节敬老院慰问 ');
  fireEvent.click(screen.getByText('敬老孝老'));
  await type('如：社区党群服务中心', '襄阳街社区敬老院');
  await pick(0, '2026-12-01');
  await pick(1, '14:30');
  await pick(3, '17:00');
}

const submit = async (text = '发布活动') => {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
};

const posts = (requests: HttpRequest[]) => requests.filter((r) => r.method !== 'GET');

describe('发布活动 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('sends the activity with China times (+08:00) and the points rule, then opens it', async () => {
    const fake = fakeTransport({
      'POST /api/communities/c1/activities': (request) =>
        ok(adminActivityFixture({ id: 'a9', ...(request.body as object) })),
    });
    setTransport(fake.transport);
    render(<EditPage />);

    await fillNewActivity();
    // The end date followed the start date.
    expect(document.querySelectorAll('.activity-form__picker')[2].textContent).toMatch(/^12月1日 周二$/);
    fireEvent.click(screen.getByText('按小时'));
    await type('如：10', '5');
    await type('不限', '40');
    fireEvent.click(screen.getByLabelText('积分自动审批'));
    await submit();

    const [create] = posts(fake.requests);
    expect(create.path).toBe('/api/communities/c1/activities');
    expect(create.body).toEqual({
      title: '重阳节敬老院慰问',
      category: '敬老孝老',
      place: '襄阳街社区敬老院',
      startAt: '2026-12-01T14:30:00+08:00',
      endAt: '2026-12-01T17:00:00+08:00',
      capacity: 40,
      pointsRule: { kind: 'per_hour', points: 5 },
      autoApprove: true,
      enrolmentRequired: false,
    });
    expect(create.headers.authorization).toBe('Bearer test-token');
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages-admin/activity/index?activityId=a9' }),
    );
  });

  it('says what is missing before sending anything', async () => {
    const fake = fakeTransport({});
    setTransport(fake.transport);
    render(<EditPage />);
    await input('如：重阳节敬老院慰问');
    await pick(3, '08:00');
    await submit();

    expect(screen.getByText('请填写活动名称')).toBeTruthy();
    expect(screen.getByText('请选择活动类别')).toBeTruthy();
    expect(screen.getByText('请填写活动地点')).toBeTruthy();
    expect(screen.getByText('结束时间应晚于开始时间')).toBeTruthy();
    expect(posts(fake.requests)).toHaveLength(0);
  });

  it('shows the server’s field errors under their fields', async () => {
    const fake = fakeTransport({
      'POST /api/communities/c1/activities': {
        status: 400,
        data: {
          error: {
            code: ErrorCode.ValidationFailed,
            message: ERROR_CATALOG[ErrorCode.ValidationFailed].message,
            details: [
              { field: 'place', message: '太长了' },
              { field: 'pointsRule.points', message: '太大了' },
            ],
          },
        },
      },
    });
    setTransport(fake.transport);
    render(<EditPage />);
    await fillNewActivity();
    await submit();

    expect(await screen.findByText('活动地点太长了')).toBeTruthy();
    expect(screen.getByText('积分太大了')).toBeTruthy();
    expect(document.querySelectorAll('.rv-field--error')).toHaveLength(2);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('shows a refused time span under 结束时间', async () => {
    const { status, message } = ERROR_CATALOG[ErrorCode.ActivityTimeInvalid];
    setTransport(
      fakeTransport({
        'POST /api/communities/c1/activities': {
          status,
          data: { error: { code: ErrorCode.ActivityTimeInvalid, message } },
        },
      }).transport,
    );
    render(<EditPage />);
    await fillNewActivity();
    await submit();

    expect(await screen.findByText(message)).toBeTruthy();
  });

  it('edits an activity: the form starts from it, and emptied fields are cleared on the server', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { activityId: 'a1' }, path: '' });
    const fake = fakeTransport({
      'GET /api/activities/a1': ok(adminActivityFixture()),
      'PUT /api/activities/a1': ok(adminActivityFixture()),
    });
    setTransport(fake.transport);
    render(<EditPage />);

    const title = await input('如：重阳节敬老院慰问');
    await waitFor(() => expect(title.value).toBe('小区环境整治志愿服务'));
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑活动' });
    await type('不限', '');
    await type('如：请穿红马甲、带好手套', '');
    await submit('保存修改');

    const [update] = posts(fake.requests);
    expect(update.method).toBe('PUT');
    expect(update.body).toEqual({
      title: '小区环境整治志愿服务',
      category: '环境整治',
      place: '襄阳街社区党群服务中心',
      startAt: '2026-11-23T09:00:00+08:00',
      endAt: '2026-11-23T11:30:00+08:00',
      pointsRule: { kind: 'per_attendance', points: 10 },
      autoApprove: false,
      enrolmentRequired: false,
      description: '',
      capacity: null,
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });
});
