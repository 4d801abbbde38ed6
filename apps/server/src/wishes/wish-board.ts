import { ErrorCode, Page, PATTERNS, Role, toIsoLocal, WishStatus, WishView } from '@redvest/contract';
import { maskName, wishLetterRefusal, wishVisibleTo, wishVoiceRefusal } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { cursorRefused } from '../common/paging';
import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { FamilyReads } from '../family/family-reads';
import { memberNames } from '../communities/member-names';
import { UploadsService } from '../uploads/uploads.service';
import { WishesQuery } from './dto';
import { renderThankYouLetter } from './thank-you-letter';
import { actorsFor, WishReader, WishViews } from './wish-views';
import { wishVoicesOf } from './wish-voices';
import { Wish } from './wish.entity';

/** The wish wall and a wish's page, and its thank-you letter: reading only. */
@Injectable()
export class WishBoard {
  constructor(
    private readonly db: Db,
    private readonly views: WishViews,
    private readonly audit: AuditTrail,
    private readonly family: FamilyReads,
    private readonly uploads: UploadsService,
  ) {}

  /** The caller as the wish rules see them, with the residents they act for. */
  async reader(em: EntityManager, access: CommunityAccess, userId: string): Promise<WishReader> {
    return { access, userId, familyOf: await this.family.residentsOf(em, access.communityId, userId) };
  }

  async list(access: CommunityAccess, userId: string, query: WishesQuery): Promise<Page<WishView>> {
    const limit = query.limit ?? 20;
    const reviewer = access.roles.has(Role.Secretary) || access.roles.has(Role.BranchSecretary);
    const status = query.status ?? (query.mine ? undefined : WishStatus.Published);
    if (!query.mine && !reviewer && status !== WishStatus.Published)
      throw new DomainError(ErrorCode.Forbidden);
    return this.db.read(async (em) => {
      const reader = await this.reader(em, access, userId);
      const where: FindOptionsWhere<Wish> = {
        communityId: access.communityId,
        ...(status ? { status } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.mine === 'posted'
          ? { authorId: userId }
          : query.mine === 'claimed'
            ? { claimerId: userId }
            : query.mine === 'family'
              ? { authorId: In([...reader.familyOf]) }
              : {}),
      };
      if (query.mine === 'family' && reader.familyOf.size === 0) return { items: [], nextCursor: null };
      if (query.sort === 'expiring') {
        const { rows, nextCursor } = await expiringPage(em, where, query.cursor, limit);
        return { items: await this.views.build(em, rows, reader), nextCursor };
      }
      const rows = await em.find(Wish, {
        where: { ...where, ...(query.cursor ? { id: LessThan(query.cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: await this.views.build(em, page, reader),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
      };
    });
  }

  async get(access: CommunityAccess, userId: string, wishId: string): Promise<WishView> {
    return this.db.read(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const reader = await this.reader(em, access, userId);
      if (!wishVisibleTo(wish.status, actorsFor(wish, reader))) throw new DomainError(ErrorCode.WishNotFound);
      return (await this.views.build(em, [wish], reader, true))[0];
    });
  }

  /** 语音说明 as MP3, for those who may hear it (wishVoiceRefusal). */
  async voice(access: CommunityAccess, userId: string, wishId: string) {
    const uploadId = await this.db.read(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const reader = await this.reader(em, access, userId);
      const voice = (await wishVoicesOf(em, [wish.id])).get(wish.id);
      const refusal = wishVoiceRefusal(wish.status, actorsFor(wish, reader), !!voice);
      if (refusal) throw new DomainError(refusal.error, refusal.details);
      return voice!.uploadId;
    });
    return this.uploads.content(uploadId);
  }

  /** 感谢信 as a PDF; a secretary's download is written in the audit trail. */
  async letter(access: CommunityAccess, userId: string, wishId: string) {
    const { view, details } = await this.db.read(async (em) => {
      const wish = await em.findOneOrFail(Wish, { where: { id: wishId } });
      const reader = await this.reader(em, access, userId);
      const refusal = wishLetterRefusal(
        wish.status,
        actorsFor(wish, reader),
        access.roles.has(Role.Secretary),
      );
      if (refusal) throw new DomainError(refusal.error, refusal.details);
      const [view] = await this.views.build(em, [wish], reader);
      return { view, details: await this.letterDetails(em, access.communityId, wish) };
    });
    const pdf = await renderThankYouLetter({
      communityName: details.communityName,
      employer: details.employer,
      claimerName: view.claimerName ?? '',
      residentName: maskName(details.authorName),
      wishTitle: view.title,
      fulfilledOn: details.fulfilledOn,
      thanks: view.thanks,
      issuedOn: toIsoLocal(new Date()).slice(0, 10),
    });
    if (!view.claimedByMe) {
      this.audit.serve({
        targetType: 'wish',
        targetId: wishId,
        subjectId: details.claimerId,
        summary: `下载感谢信${details.employer ? `（致${details.employer}）` : ''}`,
      });
    }
    return { pdf, fileName: `感谢信-${view.claimerName ?? ''}-${view.title}.pdf` };
  }

  /** What a thank-you letter needs besides the wish: the employer it is addressed to, names and the date. */
  private async letterDetails(em: EntityManager, communityId: string, wish: Wish) {
    const community = await em.findOneOrFail(Community, { where: { id: communityId } });
    const claimer = wish.claimerId
      ? await em.findOne(Membership, { where: { communityId, userId: wish.claimerId } })
      : null;
    const employerId = wish.claimedForEmployerId ?? claimer?.employerId ?? null;
    const employer = employerId ? await em.findOne(Employer, { where: { id: employerId } }) : null;
    const names = await memberNames(em, communityId, [wish.authorId]);
    return {
      communityName: community.name,
      employer: employer?.name ?? null,
      authorName: names.get(wish.authorId) ?? '',
      fulfilledOn: toIsoLocal(wish.fulfilledAt ?? wish.confirmedAt ?? new Date()).slice(0, 10),
      claimerId: wish.claimerId,
    };
  }
}

/**
 * 即将到期: the wishes with a desired date, nearest first (of one date, the one waiting longest first), then
 * those without one, newest first; one direction per part, so the index gives the order; paged by
 * a cursor that holds the last item's date and id (`d:2026-12-01.<id>`, or `n:<id>` among the undated), so
 * that every page is one indexed range read, however many wishes the board holds.
 */
async function expiringPage(
  em: EntityManager,
  where: FindOptionsWhere<Wish>,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: Wish[]; nextCursor: string | null }> {
  const after = readExpiringCursor(cursor);
  const rows: Wish[] = [];
  if (after?.kind !== 'undated') {
    rows.push(
      ...(await em.find(Wish, {
        where: after
          ? [
              { ...where, desiredDate: MoreThan(after.date) },
              { ...where, desiredDate: after.date, id: MoreThan(after.id) },
            ]
          : { ...where, desiredDate: Not(IsNull()) },
        order: { desiredDate: 'ASC', id: 'ASC' },
        take: limit + 1,
      })),
    );
  }
  if (rows.length <= limit) {
    rows.push(
      ...(await em.find(Wish, {
        where: {
          ...where,
          desiredDate: IsNull(),
          ...(after?.kind === 'undated' ? { id: LessThan(after.id) } : {}),
        },
        order: { id: 'DESC' },
        take: limit + 1 - rows.length,
      })),
    );
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit ? (last.desiredDate ? `d:${last.desiredDate}.${last.id}` : `n:${last.id}`) : null;
  return { rows: page, nextCursor };
}

const ID = PATTERNS.id.source.slice(1, -1);
const DATED_CURSOR = new RegExp(`^d:(\\d{4}-\\d{2}-\\d{2})\\.(${ID})$`);
const UNDATED_CURSOR = new RegExp(`^n:(${ID})$`);

function readExpiringCursor(
  cursor: string | undefined,
): { kind: 'dated'; date: string; id: string } | { kind: 'undated'; id: string } | null {
  if (!cursor) return null;
  const dated = DATED_CURSOR.exec(cursor);
  if (dated) return { kind: 'dated', date: dated[1], id: dated[2] };
  const undated = UNDATED_CURSOR.exec(cursor);
  if (undated) return { kind: 'undated', id: undated[1] };
  throw cursorRefused();
}
