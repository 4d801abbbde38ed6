import { PRIVACY_NOTICE_VERSION, Role } from '@redvest/contract';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PersonalDataCipher } from '../src/common/personal-data-cipher';
import { activity, approveAwardsOf, codeAt, minutesFromNow } from './checkin-fixtures';
import { csvFile, LoggedIn, newCommunity } from './fixtures';
import { TestApp, unique } from './harness';
import { givePoints, key } from './ledger-fixtures';
import { photo, WISH } from './wish-fixtures';

const SHEET = '小区,楼栋,单元,楼层,房号\n东苑,1栋,1单元,3,301\n东苑,1栋,1单元,3,302\n东苑,1栋,1单元,4,401';

/** Someone who joined with the invite code, gave a real name, a phone and a household, and was given roles. */
export interface Person extends LoggedIn {
  openid: string;
  nickname: string;
  realName: string;
  phone: string;
}

export async function privacyCommunity(t: TestApp, admin: LoggedIn) {
  const { community, secretary } = await newCommunity(t, admin);
  const cid = community.id;
  await secretary.communities.importHouseholds(cid, csvFile(SHEET));
  const households = (await secretary.communities.households(cid)).items;
  const room = (name: string) => households.find((h) => h.room === name)!;
  const building = (await secretary.communities.buildings(cid)).items[0];
  const inviteCode = (await secretary.communities.get(cid)).inviteCode!;

  async function person(realName: string, phone: string, roles: Role[], home = '301'): Promise<Person> {
    const openid = unique('person');
    const nickname = unique('昵称');
    const user = await t.login(openid, nickname);
    await user.me.agreePrivacy(PRIVACY_NOTICE_VERSION);
    await user.communities.join(cid, { inviteCode, realName, phone, householdId: room(home).id });
    await secretary.communities.setMember(cid, { userId: user.userId, roles });
    return Object.assign(user, { openid, nickname, realName, phone });
  }

  return { cid, community, secretary, room, building, inviteCode, person };
}

export type PrivacyScene = Awaited<ReturnType<typeof privacyCommunity>>;

/** A demand `raiser` raises for their household `home`, accepted by the secretary and assigned to `assignee`. */
export async function assignedDemand(
  s: PrivacyScene,
  raiser: LoggedIn,
  home: string,
  assignee: LoggedIn,
  text: string,
) {
  const demand = await raiser.contact.raiseDemand(s.cid, {
    category: '环境卫生',
    text,
    householdId: s.room(home).id,
  });
  await s.secretary.contact.transitionDemand(demand.id, { action: 'accept' });
  await s.secretary.contact.transitionDemand(demand.id, { action: 'assign', assigneeId: assignee.userId });
  return demand;
}

/**
 * The free texts a person writes, each unique so a scan of the database finds any copy left behind. They are
 * marked with the person's name backwards, not the name itself: a deletion replaces the name wherever it is
 * found, which must not be what hides a text it forgot.
 */
export function textsOf(name: string) {
  const tag = [...name].reverse().join('');
  return {
    wish: `${tag}的心愿说明：家里水龙头漏水`,
    pendingWish: `${tag}待审核的心愿说明`,
    thanks: `${tag}的感谢：谢谢帮忙`,
    fulfilNote: `${tag}的完成说明：已修好`,
    demand: `${tag}的诉求：楼道灯坏了`,
    visitNotes: `${tag}的走访记录：老人独居`,
    correction: `${tag}的更正理由：签退晚了`,
    resource: `${tag}可以教老人用手机`,
    dispute: `${tag}的异议：晾衣架还是晃`,
    resolution: `${tag}的办结说明：已换新灯`,
    cancelReason: `${tag}的取消原因：买重了`,
  };
}

/**
 * Gives `carol` (a party member) one of everything: wishes posted (one published with a photo and claimed
 * by `bob`, one waiting for review), an open claim on `bob`'s wish, a fulfilled wish she disputed and then
 * confirmed with thanks, a demand with a photo, `bob`'s demand she resolved, a visit with notes, an attendance
 * with a correction and a certificate, points, an order not yet picked up and one she cancelled with a reason,
 * a future enrolment, a resource, and a contact group she leads.
 */
export async function giveEverything(t: TestApp, s: PrivacyScene, carol: Person, bob: Person, dan: Person) {
  const texts = textsOf(carol.realName);
  const group = await s.secretary.contact.createGroup(s.cid, {
    name: unique('小组'),
    memberIds: [carol.userId, dan.userId],
    leaderId: carol.userId,
  });
  await s.secretary.contact.assign(group.id, { buildingId: s.building.id, floorFrom: 3, floorTo: 4 });
  await carol.contact.visit(s.room('302').id, {
    visitedAt: new Date(Date.now() - 3600_000).toISOString(),
    notes: texts.visitNotes,
    phone: '13800001111',
  });

  const picture = await carol.uploads.photo(photo());
  const published = await carol.wishes.post(s.cid, {
    ...WISH,
    description: texts.wish,
    photos: [picture.id],
  });
  await s.secretary.wishes.review(published.id, { action: 'publish' });
  await bob.wishes.claim(published.id);
  const pending = await carol.wishes.post(s.cid, {
    ...WISH,
    title: '想请人陪我去医院',
    description: texts.pendingWish,
  });

  const bobsWish = await bob.wishes.post(s.cid, {
    ...WISH,
    title: '想学用智能手机',
    description: '赵家的心愿说明',
  });
  await s.secretary.wishes.review(bobsWish.id, { action: 'publish' });
  await carol.wishes.claim(bobsWish.id);

  const done = await bob.wishes.post(s.cid, { ...WISH, title: '帮忙换灯泡' });
  await s.secretary.wishes.review(done.id, { action: 'publish' });
  const carolsDone = await carol.wishes.post(s.cid, { ...WISH, title: '阳台晾衣架坏了' });
  await s.secretary.wishes.review(carolsDone.id, { action: 'publish' });
  await dan.wishes.claim(carolsDone.id);
  await dan.wishes.fulfil(carolsDone.id, { note: '已经修好了' });
  await carol.wishes.dispute(carolsDone.id, texts.dispute);
  await dan.wishes.fulfil(carolsDone.id, { note: '加固好了' });
  await carol.wishes.confirm(carolsDone.id, { rating: 5, thanks: texts.thanks });

  const demandPhoto = await carol.uploads.photo(photo());
  const demand = await carol.contact.raiseDemand(s.cid, {
    category: '环境卫生',
    text: texts.demand,
    householdId: s.room('301').id,
    photoIds: [demandPhoto.id],
  });

  const bobsDemand = await assignedDemand(s, bob, '401', carol, '楼道灯不亮');
  await carol.contact.transitionDemand(bobsDemand.id, { action: 'resolve', note: texts.resolution });

  const past = await activity(s.secretary, s.cid, { title: unique('活动'), startAt: minutesFromNow(-65) });
  const at = new Date(Date.now() - 60 * 60_000);
  await carol.checkins.scan({ token: codeAt(t, past.number, at), scannedAt: at.toISOString() });
  const { attendance } = await carol.checkins.scan({
    token: (await s.secretary.activities.code(past.id)).token,
    intent: 'check_out',
  });
  await carol.records.requestCorrection(attendance.id, { minutes: 90, reason: texts.correction });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
  await approveAwardsOf(s.secretary, s.cid, carol.userId);
  const certificate = await carol.records.issueCertificate({ communityId: s.cid, from, to: today });

  const future = await activity(s.secretary, s.cid, {
    title: unique('将来的活动'),
    startAt: minutesFromNow(24 * 60),
    endAt: minutesFromNow(25 * 60),
  });
  await carol.activities.enrol(future.id);
  await carol.contact.offerResource(s.cid, { kind: 'skill', title: '教手机', description: texts.resource });

  await givePoints(s.secretary, s.cid, carol.userId, 50);
  const reward = await s.secretary.rewards.create(s.cid, {
    name: unique('毛巾').slice(0, 20),
    cost: 20,
    stock: 3,
  });
  const cancelled = await carol.rewards.redeem(reward.id, 1, key());
  await carol.rewards.cancel(cancelled.id, { reason: texts.cancelReason });
  const order = await carol.rewards.redeem(reward.id, 1, key());

  return {
    texts,
    group,
    pictures: [picture, demandPhoto],
    published,
    pending,
    bobsWish,
    carolsDone,
    demand,
    bobsDemand,
    future,
    certificate,
    reward,
    order,
    cancelled,
  };
}

/** Every string in every table, with ciphertexts decrypted: where a person's data could still hide. */
export async function everyStoredText(
  t: TestApp,
): Promise<{ table: string; column: string; text: string }[]> {
  const cipher = t.app.get(PersonalDataCipher);
  const tables: string[] = t.db.isMysql
    ? (await t.dataSource.query('SHOW TABLES')).map((row: Record<string, string>) => Object.values(row)[0])
    : (
        await t.dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      ).map((row: { name: string }) => row.name);
  const found: { table: string; column: string; text: string }[] = [];
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM ${table}`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        found.push({ table, column, text: value });
        if (value.startsWith('v1.')) {
          try {
            found.push({ table, column, text: cipher.decrypt(value) });
          } catch {
            // not a ciphertext of ours
          }
        }
      }
    }
  }
  return found;
}

/** `npm run ledger:verify` against the test's own database: its output, and whether it exited 0. */
export function ledgerVerifyCommand(t: TestApp): { ok: boolean; output: string } {
  const cli = join(__dirname, '../dist/ledger/verify-cli.js');
  const database = t.config.database;
  const env =
    database.kind === 'mysql'
      ? {
          ...process.env,
          DATABASE_URL: database.url,
          APP_SECRET: t.config.appSecret,
          DATA_ENCRYPTION_KEY: t.config.dataKey.toString('hex'),
        }
      : { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: '' };
  try {
    return { ok: true, output: execFileSync(process.execPath, [cli], { env, encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

/** How many rows a query counts (`SELECT COUNT(*) AS n …`), on either database. */
export async function countOf(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await t.dataSource.query(sql, params);
  return Number(n);
}

/** A user's posted points balance in the ledger, read from the account row itself. */
export async function pointsBalance(t: TestApp, userId: string): Promise<number> {
  const [account] = await t.dataSource.query(
    "SELECT credits_posted - debits_posted AS balance FROM ledger_accounts WHERE user_id = ? AND unit = 'points'",
    [userId],
  );
  return Number(account.balance);
}
