import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { UploadRequest } from '@redvest/api-client';
import { ErrorCode, MembershipStatus, Role, WishStatus } from '@redvest/contract';
import { setTransport } from '../services/api';
import { pickPhotos } from '../services/wish-photos';
import { fakeTransport, ok } from '../test/fake-transport';
import { meFixture } from '../test/fixtures';
import { memberMeFixture, wishFixture } from '../test/wish-fixtures';
import PostWishPage from './post';

jest.mock('../services/wish-photos', () => ({
  ...jest.requireActual('../services/wish-photos'),
  pickPhotos: jest.fn(),
}));

/** Taro's input draws its native <input> (or <textarea>) a moment after the page. */
async function type(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(
      `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`,
    );
    if (!found) throw new Error(`no input ${placeholder}`);
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

const TITLE = '想学用手机和孙子视频';
const DESCRIPTION_PLACEHOLDER = '例如：家里客厅的灯泡坏了，我够不着，想请人帮忙换一下。';

function photoFile(name: string) {
  return {
    source: { filename: name, data: new Blob(['x'], { type: 'image/jpeg' }) },
    preview: `blob:${name}`,
  };
}

/** The fake server, with uploads: each photo gets the next id. */
function server() {
  const fake = fakeTransport({
    'GET /api/me': ok(memberMeFixture()),
    'POST /api/communities/c1/wishes': (request) =>
      ok(wishFixture({ id: 'w9', status: WishStatus.PendingReview, ...(request.body as object) })),
  });
  const uploads: UploadRequest[] = [];
  setTransport({
    send: fake.transport.send,
    upload: async (request) => {
      uploads.push(request);
      return ok({ id: `photo-${uploads.length}`, url: `/api/uploads/photo-${uploads.length}` });
    },
  });
  return { ...fake, uploads };
}

const posts = (fake: ReturnType<typeof server>) => fake.requests.filter((r) => r.method === 'POST');

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByText('发布心愿'));
  });
}

describe('发布心愿 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('says what is missing and sends nothing', async () => {
    const fake = server();
    render(<PostWishPage />);
    await screen.findByText('心愿类别');

    await submit();

    expect(screen.getByText('请选一个心愿类别')).toBeTruthy();
    expect(screen.getByText('请用一句话写下您的心愿')).toBeTruthy();
    expect(screen.getByText('请说说需要什么帮助')).toBeTruthy();
    expect(posts(fake)).toHaveLength(0);
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('refuses a title longer than 30 characters, counting them as people do', async () => {
    const fake = server();
    render(<PostWishPage />);
    await screen.findByText('心愿类别');

    fireEvent.click(screen.getByText('文化娱乐'));
    await type('想请大家帮什么忙？', '想'.repeat(31));
    await type(DESCRIPTION_PLACEHOLDER, '孙子在外地读书，想学会用微信视频通话。');
    expect(screen.getByText(/（31\/30 字）/)).toBeTruthy();
    await submit();

    expect(screen.getByText('标题最多 30 个字，现在有 31 个字，请删短一些')).toBeTruthy();
    expect(posts(fake)).toHaveLength(0);

    // Exactly 30 is fine.
    await type('想请大家帮什么忙？', '想'.repeat(30));
    expect(screen.queryByText(/标题最多 30 个字/)).toBeNull();
    await submit();
    await waitFor(() => expect(posts(fake)).toHaveLength(1));
    expect((posts(fake)[0].body as { title: string }).title).toBe('想'.repeat(30));
  });

  it('uploads the photos first, asks before sending, then sends their ids and opens the new wish', async () => {
    const fake = server();
    (pickPhotos as jest.Mock).mockResolvedValueOnce([photoFile('a.jpg'), photoFile('b.jpg')]);
    render(<PostWishPage />);
    await screen.findByText('心愿类别');

    fireEvent.click(screen.getByText('文化娱乐'));
    await type('想请大家帮什么忙？', `  ${TITLE} `);
    await type(DESCRIPTION_PLACEHOLDER, '孙子在外地读书，想学会用微信视频通话。');
    await act(async () => {
      fireEvent.click(screen.getByText('添加照片'));
    });
    await waitFor(() => expect(screen.getByText('最多 3 张，JPG 或 PNG 格式，已添加 2 张')).toBeTruthy());
    expect(pickPhotos).toHaveBeenCalledWith(3);
    expect(fake.uploads.map((u) => u.path)).toEqual(['/api/uploads', '/api/uploads']);
    expect(fake.uploads[0].headers.authorization).toBe('Bearer test-token');

    await submit();

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages-wishes/detail?id=w9' }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认发布' }));
    expect(posts(fake)).toHaveLength(1);
    expect(posts(fake)[0].body).toEqual({
      title: TITLE,
      description: '孙子在外地读书，想学会用微信视频通话。',
      category: '文化娱乐',
      photos: ['photo-1', 'photo-2'],
    });
  });

  it('sends nothing when the user does not confirm', async () => {
    const fake = server();
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<PostWishPage />);
    await screen.findByText('心愿类别');
    fireEvent.click(screen.getByText('其他'));
    await type('想请大家帮什么忙？', TITLE);
    await type(DESCRIPTION_PLACEHOLDER, '说明');
    await submit();

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(posts(fake)).toHaveLength(0);
  });

  it('shows the word the content check refused next to the field', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(memberMeFixture()),
      'POST /api/communities/c1/wishes': {
        status: 422,
        data: {
          error: {
            code: ErrorCode.ContentRejected,
            message: '内容含有不适宜发布的词语“某词”，请修改后再提交',
            details: { field: 'description', word: '某词' },
          },
        },
      },
    });
    setTransport(fake.transport);
    render(<PostWishPage />);
    await screen.findByText('心愿类别');
    fireEvent.click(screen.getByText('其他'));
    await type('想请大家帮什么忙？', TITLE);
    await type(DESCRIPTION_PLACEHOLDER, '某词');
    await submit();

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '没有发布成功' })),
    );
    expect(screen.getByText('内容含有不适宜发布的词语“某词”，请修改后再提交')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('lets a secretary post for a resident picked from the members (代居民发布)', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/members': ok({
        items: [
          {
            userId: 'u-resident',
            nickname: '孙阿姨',
            realName: '孙桂芳',
            phone: '136****1605',
            status: MembershipStatus.Active,
            roles: [Role.Resident],
            branchCompounds: [],
            employer: null,
            compound: { id: 'k1', name: '阳光里小区' },
            joinedAt: '2026-11-01T09:00:00.000+08:00',
          },
        ],
        nextCursor: null,
      }),
      'POST /api/communities/c1/wishes': (request) =>
        ok(wishFixture({ id: 'w9', ...(request.body as object) })),
    });
    setTransport(fake.transport);
    render(<PostWishPage />);
    fireEvent.click(await screen.findByText('代居民发布'));
    fireEvent.click(screen.getByText('其他'));
    await type('想请大家帮什么忙？', TITLE);
    await type(DESCRIPTION_PLACEHOLDER, '说明');
    await submit();
    expect(screen.getByText('请选择要代发的居民')).toBeTruthy();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByText('点这里选择居民'));
    fireEvent.click(await screen.findByRole('button', { name: /^孙桂芳/ }));
    expect(screen.getByText('孙桂芳')).toBeTruthy();
    await submit();

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages-wishes/detail?id=w9' }));
    const post = fake.requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ onBehalfOf: 'u-resident', title: TITLE });
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
  });

  it('lets a branch secretary post for the residents of their own compound only', async () => {
    const resident = (userId: string, realName: string, compound: { id: string; name: string }) => ({
      userId,
      nickname: realName,
      realName,
      phone: '136****1605',
      status: MembershipStatus.Active,
      roles: [Role.Resident],
      branchCompounds: [],
      employer: null,
      compound,
      joinedAt: '2026-11-01T09:00:00.000+08:00',
    });
    const me = meFixture();
    setTransport(
      fakeTransport({
        'GET /api/me': ok({
          ...me,
          memberships: [
            {
              ...me.memberships[0],
              roles: [Role.BranchSecretary],
              branchCompounds: [{ id: 'k1', name: '阳光里小区' }],
            },
          ],
        }),
        'GET /api/communities/c1/members': ok({
          items: [
            resident('u-1', '孙桂芳', { id: 'k1', name: '阳光里小区' }),
            resident('u-2', '周大爷', { id: 'k2', name: '和平苑小区' }),
          ],
          nextCursor: null,
        }),
      }).transport,
    );
    render(<PostWishPage />);
    fireEvent.click(await screen.findByText('代居民发布'));
    fireEvent.click(screen.getByText('点这里选择居民'));
    expect(await screen.findByRole('button', { name: /^孙桂芳/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^周大爷/ })).toBeNull();
  });

  it('offers 代居民发布 to no one else', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(memberMeFixture()) }).transport);
    render(<PostWishPage />);
    await screen.findByText('心愿类别');
    expect(screen.queryByText('代居民发布')).toBeNull();
  });
});
