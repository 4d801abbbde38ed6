import { ErrorCode, Role } from '@redvest/contract';
import { outcome } from './errors';
import { linksOfCode } from './family-fixtures';
import { memberWith, newCommunity } from './fixtures';
import { describeWithApp } from './world';

jest.setTimeout(120_000);

/**
 * One code used by several people at once, on MariaDB (`npm run test:mysql`): on SQLite transactions run one
 * after another, so the race cannot happen there.
 */
describeWithApp(
  'family links under concurrency (MariaDB)',
  (w) => {
    it('links exactly one of 20 members using one code at once; the others are told it was used', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const resident = await memberWith(w.t, secretary, community.id, [Role.Resident]);
      const relatives = await Promise.all(
        Array.from({ length: 20 }, () => memberWith(w.t, secretary, community.id, [Role.Resident])),
      );
      const { code } = await resident.family.createCode(community.id);
      const results = outcome(await Promise.allSettled(relatives.map((r) => r.family.link({ code }))));
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(19).fill(ErrorCode.FamilyCodeUsed));
      expect(await linksOfCode((sql, params) => w.t.dataSource.query(sql, params), code)).toBe(1);
      expect((await resident.family.overview(community.id)).family).toHaveLength(1);
    });

    it('links a member once who sends the code three times at once (a double tap)', async () => {
      const { community, secretary } = await newCommunity(w.t, w.admin);
      const resident = await memberWith(w.t, secretary, community.id, [Role.Resident]);
      const son = await memberWith(w.t, secretary, community.id, [Role.Resident]);
      const { code } = await resident.family.createCode(community.id);
      const results = outcome(await Promise.allSettled([1, 2, 3].map(() => son.family.link({ code }))));
      expect(results.sort()).toEqual(['FAMILY_CODE_USED', 'FAMILY_CODE_USED', 'ok']);
      expect(await linksOfCode((sql, params) => w.t.dataSource.query(sql, params), code)).toBe(1);
    });
  },
  { only: 'mariadb' },
);
