import { ErrorCode, ImportResult } from '@redvest/contract';
import ExcelJS from 'exceljs';
import { errorOf } from './errors';
import { ADMIN_ENV, ADMIN_OPENID, csvFile, LoggedIn, newCommunity } from './fixtures';
import { startTestApp, TestApp } from './harness';

const HEADER = '小区,楼栋,单元,楼层,房号';

async function xlsxFile(rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住户');
  rows.forEach((row) => sheet.addRow(row));
  const buffer = await workbook.xlsx.writeBuffer();
  return { filename: 'households.xlsx', data: new Blob([buffer]) };
}

describe('importing compounds, buildings and households', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await t.login(ADMIN_OPENID);
  });
  afterAll(() => t.close());

  const countHouseholds = async (communityId: string) =>
    Number(
      (
        await t.dataSource.query('SELECT COUNT(*) AS n FROM households WHERE community_id = ?', [communityId])
      )[0].n,
    );

  it('imports a CSV, lists buildings with their floors and households by building', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const rows = [
      HEADER,
      '阳光里小区,1栋,1单元,1,101',
      '阳光里小区,1栋,1单元,2,201',
      '阳光里小区,1栋,2单元,1,101',
      '和平苑,3栋,,24,2401',
    ];
    const result = await secretary.communities.importHouseholds(community.id, csvFile(rows.join('\r\n')));
    expect(result).toEqual({ imported: 4, skipped: 0, errors: [] });
    const buildings = (await secretary.communities.buildings(community.id)).items;
    expect(buildings.map((b) => [b.compound, b.name, b.householdCount, b.floors])).toEqual([
      ['和平苑', '3栋', 1, [24]],
      ['阳光里小区', '1栋', 3, [1, 2]],
    ]);
    const households = await secretary.communities.households(community.id, { buildingId: buildings[1].id });
    expect(households.items.map((h) => `${h.unit}-${h.floor}-${h.room}`).sort()).toEqual([
      '1单元-1-101',
      '1单元-2-201',
      '2单元-1-101',
    ]);
    expect(households.items[0]).toMatchObject({ building: '1栋', buildingId: buildings[1].id });
  });

  it('imports an XLSX with the columns in any order, and skips rows already there on a second import', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const file = await xlsxFile([
      ['房号', '楼层', '单元', '楼栋', '小区'],
      ['101', 1, '', '5栋', '滨江小区'],
      ['102', 1, '', '5栋', '滨江小区'],
    ]);
    expect(await secretary.communities.importHouseholds(community.id, file)).toEqual({
      imported: 2,
      skipped: 0,
      errors: [],
    });
    const more = await xlsxFile([
      ['小区', '楼栋', '单元', '楼层', '房号'],
      ['滨江小区', '5栋', '', 1, '101'],
      ['滨江小区', '5栋', '', 2, '201'],
    ]);
    expect(await secretary.communities.importHouseholds(community.id, more)).toEqual({
      imported: 1,
      skipped: 1,
      errors: [],
    });
    expect(await countHouseholds(community.id)).toBe(3);
  });

  it('reports every bad row with its number and imports nothing', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const rows = [
      HEADER,
      '甲小区,1栋,,1,101',
      ',1栋,,1,102',
      '甲小区,1栋,,三楼,103',
      '甲小区,1栋,,1,101',
      '甲小区,1栋,,0,',
    ];
    const error = await errorOf(
      secretary.communities.importHouseholds(community.id, csvFile(rows.join('\n'))),
    );
    expect(error).toMatchObject({ status: 422, code: ErrorCode.ImportRowsInvalid });
    const details = error.details as ImportResult;
    expect(details.imported).toBe(0);
    expect(details.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(details.errors[0].message).toBe('小区不能为空');
    expect(details.errors[1].message).toContain('三楼');
    expect(details.errors[2].message).toContain('与第 2 行重复');
    expect(details.errors[3].message).toContain('房号不能为空');
    expect(await countHouseholds(community.id)).toBe(0);
    expect((await secretary.communities.buildings(community.id)).items).toEqual([]);
  });

  it('refuses a row that contradicts a household already there, and keeps the rest out too', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    await secretary.communities.importHouseholds(community.id, csvFile(`${HEADER}\n乙小区,2栋,,3,301`));
    const error = await errorOf(
      secretary.communities.importHouseholds(
        community.id,
        csvFile(`${HEADER}\n乙小区,2栋,,3,302\n乙小区,2栋,,4,301`),
      ),
    );
    expect(error.details).toMatchObject({
      errors: [{ row: 3, message: expect.stringContaining('楼层为 3') }],
    });
    expect(await countHouseholds(community.id)).toBe(1);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GBK)', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    // "小区,楼栋,单元,楼层,房号\n丙小区,1栋,,1,101" in GBK.
    const gbk = Buffer.from(
      'd0a1c7f82cc2a5b6b02cb5a5d4aa2cc2a5b2e32cb7bfbac50ab1fbd0a1c7f82c31b6b02c2c312c313031',
      'hex',
    );
    const result = await secretary.communities.importHouseholds(community.id, {
      filename: 'gbk.csv',
      data: new Blob([gbk]),
    });
    expect(result.imported).toBe(1);
    expect((await secretary.communities.buildings(community.id)).items[0]).toMatchObject({
      compound: '丙小区',
      name: '1栋',
    });
  });

  it('refuses a missing file, a file that is not a sheet, and a sheet without the columns', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const noFile = await errorOf(
      secretary.raw('POST', `/api/communities/${community.id}/households/import`, { body: {} }),
    );
    expect(noFile).toMatchObject({ status: 400, code: ErrorCode.ImportFileMissing });
    const png = {
      filename: 'photo.xlsx',
      data: new Blob([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')]),
    };
    expect(await errorOf(secretary.communities.importHouseholds(community.id, png))).toMatchObject({
      status: 400,
      code: ErrorCode.ImportFileUnreadable,
    });
    const fakeZip = { filename: 'x.xlsx', data: new Blob([Buffer.from('504b0304deadbeef', 'hex')]) };
    expect(await errorOf(secretary.communities.importHouseholds(community.id, fakeZip))).toMatchObject({
      code: ErrorCode.ImportFileUnreadable,
    });
    const wrongColumns = await errorOf(
      secretary.communities.importHouseholds(community.id, csvFile('姓名,电话\n张三,138')),
    );
    expect(wrongColumns.details).toEqual({
      imported: 0,
      skipped: 0,
      errors: [{ row: 1, message: expect.stringContaining('缺少列：小区、楼栋、单元、楼层、房号') }],
    });
  });

  it('edits a household and a building, refusing a room number that is taken', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    await secretary.communities.importHouseholds(
      community.id,
      csvFile(`${HEADER}\n丁小区,1栋,,1,101\n丁小区,1栋,,1,102`),
    );
    const [first, second] = (await secretary.communities.households(community.id)).items;
    expect(await errorOf(secretary.households.update(first.id, { room: second.room }))).toMatchObject({
      status: 409,
      code: ErrorCode.HouseholdConflict,
    });
    expect(await secretary.households.update(first.id, { floor: 2, room: '201' })).toMatchObject({
      floor: 2,
      room: '201',
    });
    expect(await errorOf(secretary.households.update(first.id, { floor: 0 }))).toMatchObject({ status: 400 });
    const building = await secretary.buildings.update(first.buildingId, { name: '一号楼' });
    expect(building).toMatchObject({ name: '一号楼', householdCount: 2, floors: [1, 2] });
  });

  it('pages through households with a cursor', async () => {
    const { community, secretary } = await newCommunity(t, admin);
    const rows = Array.from({ length: 25 }, (_, i) => `戊小区,1栋,,${Math.floor(i / 5) + 1},${i + 1}`);
    await secretary.communities.importHouseholds(community.id, csvFile([HEADER, ...rows].join('\n')));
    const first = await secretary.communities.households(community.id, { limit: 10 });
    const second = await secretary.communities.households(community.id, {
      limit: 10,
      cursor: first.nextCursor!,
    });
    const third = await secretary.communities.households(community.id, {
      limit: 10,
      cursor: second.nextCursor!,
    });
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([
      10,
      10,
      5,
      null,
    ]);
    const ids = new Set([...first.items, ...second.items, ...third.items].map((h) => h.id));
    expect(ids.size).toBe(25);
  });
});
