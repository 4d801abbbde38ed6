import { ErrorCode, PRIVACY_NOTICE_VERSION, Role, toIsoLocal } from '@redvest/contract';
import ExcelJS from 'exceljs';
import { EXPORT_PAGING } from '../src/common/xlsx-stream';
import { PersonalDataCipher } from '../src/common/personal-data-cipher';
import { newId } from '../src/database/ids';
import { activity } from './checkin-fixtures';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { TestApp } from './harness';
import { describeWithApp } from './world';

jest.setTimeout(60_000);

/** `2026-11-23 08:00:00.000`: a time as both databases take it in a plain INSERT. */
const sqlTime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');
const sheetTime = (at: Date) => toIsoLocal(at).slice(0, 16).replace('T', ' ');
const collator = new Intl.Collator('zh');

interface Person {
  userId: string;
  membershipId: string;
  realName: string | null;
  nickname: string;
  phone: string | null;
}

/** Members inserted as the server would have written them, with phones encrypted under the server's key. */
async function insertMembers(
  t: TestApp,
  communityId: string,
  people: { realName: string | null; phone?: string; employerId?: string | null; roles?: Role[] }[],
): Promise<Person[]> {
  const cipher = t.app.get(PersonalDataCipher);
  const now = sqlTime(new Date());
  const made: Person[] = [];
  for (const [i, p] of people.entries()) {
    const person = {
      userId: newId(),
      membershipId: newId(),
      realName: p.realName,
      nickname: `微信用户${i}`,
      phone: p.phone ?? null,
    };
    await t.dataSource.query(
      'INSERT INTO users (id, openid, nickname, privacy_version, privacy_agreed_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [person.userId, `export-${person.userId}`, person.nickname, PRIVACY_NOTICE_VERSION, now, now],
    );
    await t.dataSource.query(
      'INSERT INTO memberships (id, community_id, user_id, status, real_name, phone_enc, employer_id, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        person.membershipId,
        communityId,
        person.userId,
        'active',
        p.realName,
        p.phone ? cipher.encrypt(p.phone) : null,
        p.employerId ?? null,
        now,
      ],
    );
    for (const role of p.roles ?? [Role.Volunteer])
      await t.dataSource.query(
        'INSERT INTO membership_roles (membership_id, role, compound_id, community_id) VALUES (?, ?, ?, ?)',
        [person.membershipId, role, '', communityId],
      );
    made.push(person);
  }
  return made;
}

async function insertAttendance(
  t: TestApp,
  a: { communityId: string; activityId: string; userId: string; at: Date; minutes: number | null },
  extra: { proxyBy?: string; offline?: boolean } = {},
): Promise<void> {
  const closed = a.minutes !== null;
  await t.dataSource.query(
    'INSERT INTO attendances (id, community_id, activity_id, user_id, checked_in_at, checked_out_at, minutes, status, offline, proxy_by, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      newId(),
      a.communityId,
      a.activityId,
      a.userId,
      sqlTime(a.at),
      closed ? sqlTime(new Date(a.at.getTime() + a.minutes! * 60_000)) : null,
      a.minutes,
      closed ? 'closed' : 'open',
      extra.offline ? 1 : 0,
      extra.proxyBy ?? null,
      closed ? 10 : null,
      sqlTime(new Date()),
    ],
  );
}

const download = (t: TestApp, who: LoggedIn, path: string) =>
  fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${who.token}` } });

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  // Spreadsheets are zipped already: they go out as they are.
  expect(response.headers.get('content-encoding')).toBeNull();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** Cells as a spreadsheet shows them: an empty text and no cell look the same, at the end of a row too. */
const shown = (values: unknown[]) => {
  const cells = values.map((v) => v ?? '');
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

/** A sheet's rows as shown. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).value);
    rows.push(shown(values));
  });
  return rows;
}

/** A table renamed away for the length of `work`: the database fails every statement that reads it. */
async function withoutTable<T>(t: TestApp, table: string, work: () => Promise<T>): Promise<T> {
  const rename = (from: string, to: string) =>
    t.db.isMysql
      ? t.dataSource.query(`RENAME TABLE ${from} TO ${to}`)
      : t.dataSource.query(`ALTER TABLE ${from} RENAME TO ${to}`);
  await rename(table, `${table}_away`);
  try {
    return await work();
  } finally {
    await rename(`${table}_away`, table);
  }
}

/**
 * The 签到名单 and 年度服务情况 spreadsheets are written while they are sent, a page of rows at a time: here a
 * page is 3 rows, so every export crosses many pages (and members checked in at the same moment straddle them).
 */
describeWithApp('exports written while they are sent', (w) => {
  beforeAll(() => {
    EXPORT_PAGING.rows = 3;
  });
  afterAll(() => {
    EXPORT_PAGING.rows = 500;
  });

  it('exports every attendance in check-in order across pages, with masked phones and the totals', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const act = await activity(secretary, cid, { title: '分页导出活动' });
    const people = await insertMembers(
      w.t,
      cid,
      Array.from({ length: 11 }, (_, i) => ({
        realName: i === 7 ? null : `队员${String.fromCharCode(0x4e00 + i * 7)}`,
        phone: i % 4 === 3 ? undefined : `1391234${String(i).padStart(4, '0')}`,
      })),
    );
    // Four moments, several people at each: ties at every page boundary.
    const start = new Date(Date.now() - 50 * 60_000);
    const attended = people.map((p, i) => ({
      person: p,
      at: new Date(start.getTime() + Math.floor(i / 3) * 60_000),
      minutes: i === 5 ? null : 30 + i,
    }));
    for (const [i, a] of [...attended].reverse().entries())
      await insertAttendance(
        w.t,
        { communityId: cid, activityId: act.id, userId: a.person.userId, at: a.at, minutes: a.minutes },
        { proxyBy: i === 2 ? secretary.userId : undefined, offline: i === 4 },
      );
    const listed = (await secretary.activities.attendances(act.id)).items;
    expect(listed).toHaveLength(11);

    const workbook = await workbookOf(
      await download(w.t, secretary, `/api/activities/${act.id}/attendances/export`),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['签到名单']);
    const rows = rowsOf(workbook.getWorksheet('签到名单')!);
    expect(rows[0]).toEqual([
      '姓名',
      '手机号',
      '签到时间',
      '签退时间',
      '服务时长（分钟）',
      '积分',
      '状态',
      '备注',
    ]);
    const body = rows.slice(1, 12);
    // In check-in order; the same moment in the order of the ids (the export's keyset).
    const ids = await w.t.dataSource.query(
      'SELECT user_id AS userId FROM attendances WHERE activity_id = ? ORDER BY checked_in_at, id',
      [act.id],
    );
    const byUser = new Map(attended.map((a) => [a.person.userId, a]));
    const proxied = new Set(listed.filter((l) => l.proxyBy).map((l) => l.userId));
    const offline = new Set(listed.filter((l) => l.offline).map((l) => l.userId));
    expect(body).toEqual(
      (ids as { userId: string }[]).map(({ userId }) => {
        const { person, at, minutes } = byUser.get(userId)!;
        return shown([
          person.realName ?? person.nickname,
          person.phone ? `${person.phone.slice(0, 3)}****${person.phone.slice(7)}` : '',
          sheetTime(at),
          minutes === null ? '' : sheetTime(new Date(at.getTime() + minutes * 60_000)),
          minutes ?? '',
          minutes === null ? '' : 10,
          minutes === null ? '已签到' : '已签退',
          [proxied.has(userId) ? '代签到' : '', offline.has(userId) ? '离线签到' : '']
            .filter(Boolean)
            .join('、'),
        ]);
      }),
    );
    const total = attended.reduce((sum, a) => sum + (a.minutes ?? 0), 0);
    expect(rows.slice(12)).toEqual([[], [`分页导出活动：共 11 人，${total} 分钟`]]);
  });

  it('exports one sheet per employer, in pinyin order, members in pinyin order across pages, with totals', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const now = sqlTime(new Date());
    const employers = ['市税务局', '区人民医院', '第一中学'].map((name) => ({ id: newId(), name }));
    for (const e of employers)
      await w.t.dataSource.query(
        'INSERT INTO employers (id, community_id, name, created_at) VALUES (?, ?, ?, ?)',
        [e.id, cid, e.name, now],
      );
    const names = [
      '张伟',
      '王芳',
      '李娜',
      '张伟',
      '陈静',
      '杨磊',
      '赵敏',
      '黄强',
      '周杰',
      '吴婷',
      '徐明',
      '孙丽',
      '马超',
    ];
    const members = await insertMembers(
      w.t,
      cid,
      names.map((realName, i) => ({
        realName,
        // 7 at the tax office (two named alike: in the order they joined), 3 at the hospital, 1 at the school,
        // 2 without one (one a group leader).
        employerId: i < 7 ? employers[0].id : i < 10 ? employers[1].id : i < 11 ? employers[2].id : null,
        roles: i === 12 ? [Role.GroupLeader, Role.PartyMember] : [Role.PartyMember],
      })),
    );
    // A resident is not in the report.
    await insertMembers(w.t, cid, [{ realName: '居民甲', roles: [Role.Resident] }]);
    const year = Number(toIsoLocal(new Date()).slice(0, 4));
    const act = await activity(secretary, cid);
    for (const [i, m] of members.entries()) {
      if (i % 2 === 0)
        await insertAttendance(w.t, {
          communityId: cid,
          activityId: act.id,
          userId: m.userId,
          at: new Date(Date.now() - 40 * 60_000),
          minutes: 20 + i,
        });
      await w.t.dataSource.query(
        'INSERT INTO ledger_period_totals (community_id, unit, period, user_id, earned) VALUES (?, ?, ?, ?, ?)',
        [cid, 'points', String(year), m.userId, 5 + i],
      );
    }
    await w.t.dataSource.query(
      'INSERT INTO member_ratings (community_id, user_id, year, level, grade, comment, rated_by, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [cid, members[1].userId, year, 'community', 'excellent', null, secretary.userId, now],
    );

    const workbook = await workbookOf(
      await download(w.t, secretary, `/api/communities/${cid}/reports/annual/export?year=${year}`),
    );
    // Members without an employer first (as `~` sorts in pinyin order), then the employers.
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '未登记原单位',
      '第一中学',
      '区人民医院',
      '市税务局',
    ]);
    const report = await secretary.contact.annualReport(cid, year);
    expect(report.members).toHaveLength(13);
    const groups: [string, string | null][] = [
      ['未登记原单位', null],
      ['第一中学', '第一中学'],
      ['区人民医院', '区人民医院'],
      ['市税务局', '市税务局'],
    ];
    let inReport = 0;
    for (const [sheetName, employer] of groups) {
      const own = members
        .map((m, i) => ({ m, i }))
        .filter(
          ({ i }) => (i < 7 ? '市税务局' : i < 10 ? '区人民医院' : i < 11 ? '第一中学' : null) === employer,
        )
        .sort((a, b) => collator.compare(a.m.realName!, b.m.realName!));
      const rows = rowsOf(workbook.getWorksheet(sheetName)!);
      expect(rows[0]).toEqual([`${sheetName} 在职党员 ${year} 年社区服务情况`]);
      expect(rows[1]).toEqual([
        '姓名',
        '参加活动（次）',
        '服务时长（小时）',
        '完成心愿（个）',
        '入户走访（次）',
        '办结诉求（件）',
        '获得积分',
        '小组评价',
        '支部评价',
        '社区评价',
      ]);
      const expected = own.map(({ m, i }) =>
        shown([
          m.realName,
          i % 2 === 0 ? 1 : 0,
          i % 2 === 0 ? Number(((20 + i) / 60).toFixed(1)) : 0,
          0,
          0,
          0,
          5 + i,
          '',
          '',
          i === 1 ? '优秀' : '',
        ]),
      );
      expect(rows.slice(2, -1)).toEqual(expected);
      const minutes = own.reduce((sum, { i }) => sum + (i % 2 === 0 ? 20 + i : 0), 0);
      expect(rows[rows.length - 1]).toEqual([
        '合计',
        own.filter(({ i }) => i % 2 === 0).length,
        Number((minutes / 60).toFixed(1)),
        0,
        0,
        0,
        own.reduce((sum, { i }) => sum + 5 + i, 0),
      ]);
      // The JSON report lists the same members in the same order.
      expect(report.members.slice(inReport, inReport + own.length).map((m) => [m.name, m.employer])).toEqual(
        own.map(({ m }) => [m.realName, employer]),
      );
      inReport += own.length;
    }

    const empty = await newCommunity(w.t, w.admin);
    const none = await workbookOf(
      await download(
        w.t,
        empty.secretary,
        `/api/communities/${empty.community.id}/reports/annual/export?year=${year}`,
      ),
    );
    expect(none.worksheets.map((s) => rowsOf(s))).toEqual([[[`${year} 年没有在职党员的服务记录`]]]);
  });

  it('refuses with a JSON error before the answer starts', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const act = await activity(secretary, cid);
    const member = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    for (const [who, path, status, code] of [
      [member, `/api/activities/${act.id}/attendances/export`, 403, ErrorCode.Forbidden],
      [member, `/api/communities/${cid}/reports/annual/export?year=2026`, 403, ErrorCode.Forbidden],
      [secretary, `/api/activities/${newId()}/attendances/export`, 404, undefined],
      [secretary, `/api/communities/${cid}/reports/annual/export?year=abc`, 400, ErrorCode.ValidationFailed],
    ] as const) {
      const answer = await download(w.t, who, path);
      expect([path, answer.status]).toEqual([path, status]);
      expect(answer.headers.get('content-type')).toContain('application/json');
      const body = (await answer.json()) as { error: { code: string; message: string } };
      if (code) expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('breaks the download off when the database fails after the answer has begun', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const act = await activity(secretary, cid);
    // The eighth attendee has no real name: only their page reads the departures (for an earlier name).
    const people = await insertMembers(
      w.t,
      cid,
      Array.from({ length: 9 }, (_, i) => ({
        realName: i === 7 ? null : `队员${i}`,
        roles: [Role.PartyMember],
      })),
    );
    for (const [i, p] of people.entries())
      await insertAttendance(w.t, {
        communityId: cid,
        activityId: act.id,
        userId: p.userId,
        at: new Date(Date.now() - (50 - i) * 60_000),
        minutes: 30,
      });
    const year = Number(toIsoLocal(new Date()).slice(0, 4));
    const exports = [
      ['membership_departures', `/api/activities/${act.id}/attendances/export`],
      ['member_ratings', `/api/communities/${cid}/reports/annual/export?year=${year}`],
    ] as const;
    for (const [table, path] of exports) {
      await withoutTable(w.t, table, async () => {
        const answer = await download(w.t, secretary, path);
        // The status and the first bytes were out before the failure: the body breaks off, no file is complete.
        expect([path, answer.status]).toEqual([path, 200]);
        await expect(answer.arrayBuffer()).rejects.toThrow();
      });
      // With the table back, the same export is whole again.
      await workbookOf(await download(w.t, secretary, path));
    }
  });
});
