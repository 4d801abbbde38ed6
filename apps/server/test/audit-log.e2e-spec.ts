import { AuditAction, ErrorCode, Role, toIsoLocal } from '@redvest/contract';
import ExcelJS from 'exceljs';
import { AuditLogService, MAX_EXPORT_ROWS } from '../src/audit/audit-log.service';
import { AuditRequest, auditRequests } from '../src/audit/audit-request';
import { AuditTrail } from '../src/audit/audit-trail';
import { verifyAuditChain } from '../src/audit/audit-verifier';
import { User } from '../src/users/user.entity';
import { appendManyEntries, download, entriesAfter, lastSequence, today } from './audit-fixtures';
import { runCommand } from './cli';
import { errorOf } from './errors';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { describeWithApp } from './world';

jest.setTimeout(60_000);

/** 审计日志 as the community secretary reads it: paged, filtered, exported; nobody else reads it; nobody edits it. */
describeWithApp('audit log: reading, exporting, and keeping it intact', (w) => {
  let cid: string;
  let secretary: LoggedIn;
  let deputy: LoggedIn;

  beforeAll(async () => {
    ({
      community: { id: cid },
      secretary,
    } = await newCommunity(w.t, w.admin));
    deputy = await memberWith(w.t, secretary, cid, [Role.Secretary]);
    for (let i = 0; i < 5; i++) await secretary.communities.rotateInviteCode(cid);
    for (let i = 0; i < 3; i++) await deputy.communities.rotateInviteCode(cid);
  });

  it('pages newest first with a cursor', async () => {
    const first = await secretary.audit.log(cid, { limit: 4 });
    expect(first.items.map((e) => e.sequence)).toEqual([11, 10, 9, 8]);
    const second = await secretary.audit.log(cid, { limit: 4, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.sequence)).toEqual([7, 6, 5, 4]);
    const last = await secretary.audit.log(cid, { limit: 4, cursor: second.nextCursor! });
    expect(last.items.map((e) => e.sequence)).toEqual([3, 2, 1]);
    expect(last.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      action: AuditAction.InviteCodeRotate,
      actionLabel: '更换邀请码',
      actorId: deputy.userId,
      actorRole: Role.Secretary,
      actorRoleLabel: '社区书记',
      targetType: 'community',
      targetId: cid,
    });
    expect(first.items[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
  });

  it('filters by action, by actor and by days in the product’s clock zone', async () => {
    const rotations = await secretary.audit.log(cid, { action: AuditAction.InviteCodeRotate, limit: 100 });
    expect(rotations.items).toHaveLength(8);
    const byDeputy = await secretary.audit.log(cid, { actorId: deputy.userId, limit: 100 });
    expect(byDeputy.items.map((e) => e.actorId)).toEqual(Array(3).fill(deputy.userId));
    const paged = await secretary.audit.log(cid, { actorId: secretary.userId, limit: 2 });
    const rest = await secretary.audit.log(cid, {
      actorId: secretary.userId,
      limit: 100,
      cursor: paged.nextCursor!,
    });
    expect([...paged.items, ...rest.items].map((e) => e.actorId)).toEqual(Array(6).fill(secretary.userId));
    expect((await secretary.audit.log(cid, { from: today(), to: today(), limit: 100 })).items).toHaveLength(
      11,
    );
    const tomorrow = toIsoLocal(new Date(Date.now() + 24 * 3600_000)).slice(0, 10);
    expect((await secretary.audit.log(cid, { from: tomorrow })).items).toEqual([]);
    expect((await secretary.audit.log(cid, { to: '2020-01-01' })).items).toEqual([]);
  });

  it('refuses filters that make no sense, with the field named', async () => {
    for (const [query, field] of [
      [{ from: '2026-02-30' }, 'from'],
      [{ from: '2026-13-01' }, 'from'],
      [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
      [{ cursor: 'abc' }, 'cursor'],
      [{ action: 'points.steal' as AuditAction }, 'action'],
      [{ actorId: 'someone' }, 'actorId'],
    ] as const) {
      const error = await errorOf(secretary.audit.log(cid, query));
      expect(error).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
      expect(error.details).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('is read by the community’s secretaries only', async () => {
    const other = await newCommunity(w.t, w.admin);
    const branch = await memberWith(w.t, secretary, cid, [Role.BranchSecretary], await aCompound());
    const resident = await memberWith(w.t, secretary, cid, [Role.Resident]);
    const exportPath = secretary.audit.exportPath(cid);
    for (const [who, status, code] of [
      [other.secretary, 403, ErrorCode.NotCommunityMember],
      [branch, 403, ErrorCode.Forbidden],
      [resident, 403, ErrorCode.Forbidden],
      [w.admin, 403, ErrorCode.NotCommunityMember],
    ] as const) {
      expect(await errorOf(who.audit.log(cid))).toMatchObject({ status, code });
      expect((await download(w.t, who, exportPath)).status).toBe(status);
    }
    expect(await errorOf(w.t.anonymous.audit.log(cid))).toMatchObject({ status: 401 });
    // Another community's log holds only its own entries.
    const theirs = (await other.secretary.audit.log(other.community.id, { limit: 100 })).items;
    expect(theirs.every((e) => e.actorId !== secretary.userId)).toBe(true);
  });

  it('exports the filtered entries as a spreadsheet, and writes the export down', async () => {
    const before = await lastSequence(secretary, cid);
    const response = await fetch(
      `${w.t.baseUrl}${secretary.audit.exportPath(cid, { actorId: deputy.userId })}`,
      {
        headers: { authorization: `Bearer ${secretary.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('审计日志.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '时间',
      '操作人',
      '身份',
      '动作',
      '涉及成员',
      '对象',
      '说明',
      'IP',
      '设备',
    ]);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows.map((r) => r[1])).toEqual([11, 10, 9]);
    expect(rows.map((r) => r[5])).toEqual(Array(3).fill('更换邀请码'));
    expect(String(sheet.getRow(6).getCell(1).value)).toContain('共 3 条');
    const [entry] = await entriesAfter(secretary, cid, before);
    expect(entry).toMatchObject({
      action: AuditAction.AuditLogExport,
      actorId: secretary.userId,
      summary: `导出 3 条（操作人：${deputy.userId}）`,
    });
  });

  it('writes nothing for a HEAD request, which is answered as GET without the body', async () => {
    const before = await lastSequence(secretary, cid);
    for (const path of [secretary.audit.exportPath(cid), `/api/communities/${cid}/members`]) {
      const answer = await fetch(`${w.t.baseUrl}${path}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${secretary.token}` },
      });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('');
    }
    expect(await lastSequence(secretary, cid)).toBe(before);
    // The same GET is written down.
    expect((await download(w.t, secretary, `/api/communities/${cid}/members`)).status).toBe(200);
    expect(await lastSequence(secretary, cid)).toBe(before + 1);
  });

  it('exports every entry the filters select, however many there are', async () => {
    const { community, secretary: s } = await newCommunity(w.t, w.admin);
    const many = 20_003;
    await appendManyEntries(w.t, community.id, s.userId, many);
    const total = (await lastSequence(s, community.id)) as number;
    expect(total).toBe(many + 2);
    const response = await fetch(`${w.t.baseUrl}${s.audit.exportPath(community.id)}`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sequences: number[] = [];
    let footer = '';
    workbook.getWorksheet('审计日志')!.eachRow((row, n) => {
      const first = row.getCell(1).value;
      if (n > 1 && typeof first === 'number') sequences.push(first);
      else if (n > 1) footer = String(first);
    });
    expect(sequences).toHaveLength(total);
    expect([sequences[0], sequences[total - 1]]).toEqual([total, 1]);
    expect(footer).toContain(`共 ${total} 条`);
    const [entry] = await entriesAfter(s, community.id, total);
    expect(entry).toMatchObject({ action: AuditAction.AuditLogExport, summary: `导出 ${total} 条（全部）` });
    expect((await w.t.db.read((em) => verifyAuditChain(em, community.id))).ok).toBe(true);
  });

  it('refuses an export that no worksheet could hold, asking for narrower dates, and writes nothing', async () => {
    const log = w.t.app.get(AuditLogService);
    const selection = jest
      .spyOn(log, 'exportSelection')
      .mockResolvedValueOnce({ rows: MAX_EXPORT_ROWS + 1, through: 1 });
    const before = await lastSequence(secretary, cid);
    const answer = await fetch(`${w.t.baseUrl}${secretary.audit.exportPath(cid)}`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(selection).toHaveBeenCalled();
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({
      error: {
        code: ErrorCode.AuditExportTooLarge,
        message: expect.stringContaining('请缩小日期范围'),
        details: { rows: MAX_EXPORT_ROWS + 1, maxRows: 1_048_573 },
      },
    });
    expect(await lastSequence(secretary, cid)).toBe(before);
  });

  it('writes an entry in the transaction of the change: a change that fails leaves none', async () => {
    const trail = w.t.app.get(AuditTrail);
    const user = await w.t.db.read((em) => em.findOneByOrFail(User, { id: secretary.userId }));
    const request: AuditRequest = {
      route: 'POST /api/communities/:cid/invite-code/rotate',
      spec: { actions: [AuditAction.InviteCodeRotate] },
      access: { access: 'community', roles: [Role.Secretary] },
      auth: {
        user,
        isPlatformAdmin: false,
        token: { jti: 'audit-test', expiresAt: new Date(Date.now() + 60_000) },
      },
      params: { cid },
      ip: null,
      userAgent: null,
      head: false,
      settled: false,
    };
    const note = {
      targetType: 'community' as const,
      targetId: cid,
      summary: '测试',
      actingAs: Role.Secretary,
    };
    const before = await lastSequence(secretary, cid);
    await expect(
      auditRequests.run(request, () =>
        w.t.db.transaction(async (em) => {
          await trail.record(em, note);
          throw new Error('the change failed after its entry');
        }),
      ),
    ).rejects.toThrow('the change failed');
    expect(await lastSequence(secretary, cid)).toBe(before);
    await auditRequests.run(request, () => w.t.db.transaction((em) => trail.record(em, note)));
    expect(await lastSequence(secretary, cid)).toBe(before + 1);
    expect((await w.t.db.read((em) => verifyAuditChain(em, cid))).ok).toBe(true);
  });

  // On MariaDB the transactions run at once and the chain head's row lock orders them; SQLite takes turns anyway.
  it('gives each of many simultaneous actions its own entry, in one unbroken chain', async () => {
    const { community, secretary: s } = await newCommunity(w.t, w.admin);
    const second = await memberWith(w.t, s, community.id, [Role.Secretary]);
    const before = await lastSequence(s, community.id);
    // Putting rewards on the shelf shares no row but the chain head.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? s : second).rewards.create(community.id, { name: `商品${i}`, cost: 1, stock: 1 }),
      ),
    );
    const fresh = await entriesAfter(s, community.id, before);
    expect(fresh.map((e) => e.sequence)).toEqual(Array.from({ length: 24 }, (_, i) => before + 1 + i));
    expect(await w.t.db.read((em) => verifyAuditChain(em, community.id))).toMatchObject({ ok: true });
  });

  it('shows an entry changed or removed behind the server’s back', async () => {
    const { community, secretary: s } = await newCommunity(w.t, w.admin);
    for (let i = 0; i < 3; i++) await s.communities.rotateInviteCode(community.id);
    const verify = () => w.t.db.read((em) => verifyAuditChain(em, community.id));
    expect(await verify()).toEqual({ ok: true, entries: 5, problems: [] });
    await w.t.dataSource.query(
      "UPDATE audit_entries SET summary = '什么也没发生' WHERE community_id = ? AND sequence = 3",
      [community.id],
    );
    expect((await verify()).problems).toEqual([expect.stringMatching(/^#3 .*被修改过/)]);
    await w.t.dataSource.query('DELETE FROM audit_entries WHERE community_id = ? AND sequence = 5', [
      community.id,
    ]);
    expect((await verify()).problems).toContainEqual(expect.stringContaining('链头与最后一条记录不一致'));
  });

  it('is checked for every community by `npm run audit:verify`, which exits 1 on a broken chain', () => {
    if (process.env.TEST_MYSQL_URL) return; // the command reads the configured database; SQLite's file is enough here
    const { output, status } = runCommand(w.t, 'audit/verify-cli.js');
    expect(output).toContain('校验通过');
    expect(output).toContain('审计日志校验未通过');
    expect(status).toBe(1);
  });

  async function aCompound(): Promise<string> {
    await secretary.communities.importHouseholds(cid, {
      filename: 'h.csv',
      data: new Blob(['小区,楼栋,单元,楼层,房号\n东区,1栋,,1,101']),
    });
    return (await secretary.communities.compounds(cid)).items[0].id;
  }
});
