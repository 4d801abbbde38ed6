import { ErrorCode, WishStatus } from '@redvest/contract';
import { newId } from '../src/database/ids';
import { NOT_YET_TAKEN, Wish } from '../src/wishes/wish.entity';
import { errorOf } from './errors';
import { describeWithCommunity } from './world';

const DAY = 86_400_000;

/** Published wishes written straight to the table: the board's paging at a size the API would take minutes to post. */
async function seedWishes(
  w: { t: { dataSource: import('typeorm').DataSource }; cid: string },
  authorId: string,
  count: number,
  dateOf: (i: number) => string | null,
) {
  const start = Date.now() - count * 1000;
  const rows: Wish[] = Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * 1000);
    return {
      id: newId(at.getTime()),
      communityId: w.cid,
      authorId,
      postedBy: null,
      postedAsFamily: false,
      title: `心愿 ${i}`,
      description: '测试',
      category: '生活帮扶',
      compoundId: null,
      placeEnc: null,
      phoneEnc: null,
      desiredDate: dateOf(i),
      status: WishStatus.Published,
      points: 10,
      ...NOT_YET_TAKEN,
      createdAt: at,
      updatedAt: at,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await w.t.dataSource.getRepository(Wish).insert(rows.slice(i, i + 200));
  return rows;
}

describeWithCommunity('the wish board sorted by desired date (即将到期)', (w) => {
  it('puts the nearest date first however many wishes are newer, and pages through every wish once', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    // The oldest wish is the most urgent; 600 newer ones are due later or have no date.
    const rows = await seedWishes(w, w.c.secretary.userId, 601, (i) =>
      i === 0 ? day(1) : i % 3 === 0 ? null : day(2 + (i % 40)),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await w.c.secretary.wishes.list(w.cid, { sort: 'expiring', limit: 100, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen[0]).toBe(rows[0].id);
    expect(new Set(seen).size).toBe(601);
    const expected = [...rows]
      .sort(
        (a, b) =>
          (a.desiredDate ?? '9999').localeCompare(b.desiredDate ?? '9999') ||
          (a.desiredDate ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)),
      )
      .map((row) => row.id);
    expect(seen).toEqual(expected);
  });

  it('refuses a cursor it did not give', async () => {
    expect(
      await errorOf(w.c.secretary.wishes.list(w.cid, { sort: 'expiring', cursor: 'x'.repeat(20) })),
    ).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
  });
});
