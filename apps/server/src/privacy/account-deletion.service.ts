import {
  AccountDeletionResult,
  ACCOUNT_DELETION_CONFIRMATION,
  ErrorCode,
  toIsoLocal,
} from '@redvest/contract';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, IsNull, Like, Not } from 'typeorm';
import { RevokedToken } from '../auth/revoked-token.entity';
import { DomainError } from '../common/domain-error';
import { Departure } from '../communities/departure.entity';
import { Invitation } from '../communities/invitation.entity';
import { Membership } from '../communities/membership.entity';
import { Demand, DemandPhoto, Visit } from '../contact/entities';
import { MemberRating, Resource } from '../contact/lists.entities';
import { Db } from '../database/db';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { Notification } from '../notifications/notification.entity';
import { Certificate } from '../records/certificate.entity';
import { RecordCorrection } from '../records/correction.entity';
import { Redemption } from '../rewards/redemption.entity';
import { OBJECT_STORE, ObjectStore } from '../uploads/object-store';
import { Upload } from '../uploads/upload.entity';
import { User } from '../users/user.entity';
import { WishEvent } from '../wishes/wish-event.entity';
import { WishPhotoLink } from '../wishes/wish-photo.entity';
import { WishVoice } from '../wishes/wish-voice.entity';
import { Wish } from '../wishes/wish.entity';
import { MembershipEnding } from './membership-ending.service';

/** What stands where a deleted person's name or words were. */
export const DELETED_USER_NAME = '已注销用户';
export const ERASED_TEXT = '（内容已随账号注销删除）';
const ERASED_TITLE = '（已注销用户的心愿）';
const ERASED_RESOURCE = '（已注销）';

/**
 * 注销账号 (PIPL art. 47). In one transaction: every membership ends as if the person left (open claims
 * released, unfinished wishes withdrawn, orders refunded through the ledger, groups left), then everything
 * personal is erased or replaced — names, nickname, openid, phones, addresses, photos, and the free texts
 * the person wrote (docs/privacy.md lists each). The ledger's rows and memos, attendances and visits stay as the communities' records,
 * pointing at a user row that no longer says who it was. The photos' files go after the commit.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger('AccountDeletion');

  constructor(
    private readonly db: Db,
    private readonly ending: MembershipEnding,
    private readonly notifications: NotificationsService,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async delete(userId: string, confirm: string | undefined): Promise<AccountDeletionResult> {
    if (confirm !== ACCOUNT_DELETION_CONFIRMATION) throw new DomainError(ErrorCode.DeletionNotConfirmed);
    const { result, files, notices } = await this.db.transaction(async (em) => {
      // A claim or a redemption of theirs at this moment waits for this, or this waits for it.
      const joined = await em.find(Membership, { where: { userId }, select: { communityId: true } });
      if (
        !(await this.ending.lockFor(
          em,
          userId,
          joined.map((m) => m.communityId),
        ))
      )
        throw new DomainError(ErrorCode.TokenInvalid);
      const sole = await this.ending.soleSecretaryOf(em, userId);
      if (sole.length) throw new DomainError(ErrorCode.LastSecretaryMustHandOver, { communities: sole });
      // Why they cancelled their own orders; before the memberships end, which cancel the open ones in the
      // server's own words.
      await em.update(Redemption, { userId, closedBy: userId }, { cancelReason: null });
      const memberships = await em.find(Membership, { where: { userId } });
      const totals = { claimsReleased: 0, wishesCancelled: 0, redemptionsRefunded: 0 };
      const notices: Notice[] = [];
      for (const m of memberships) {
        const { ended, notices: told } = await this.ending.end(em, {
          communityId: m.communityId,
          userId,
          actorId: userId,
          kind: 'deleted',
        });
        totals.claimsReleased += ended.claimsReleased;
        totals.wishesCancelled += ended.wishesCancelled;
        totals.redemptionsRefunded += ended.redemptionsRefunded;
        notices.push(...told);
      }
      const names = await this.namesOf(em, userId, memberships);
      await this.eraseFromOthersInboxes(em, userId, names);
      const files = await this.deleteUploads(em, userId);
      await this.eraseTexts(em, userId);
      const deletedAt = new Date();
      await em.update(
        User,
        { id: userId },
        {
          nickname: DELETED_USER_NAME,
          // The openid is freed: logging in with it again starts a new, empty account.
          openid: `deleted:${userId}`,
          privacyVersion: null,
          privacyAgreedAt: null,
          deletedAt,
        },
      );
      const result: AccountDeletionResult = {
        deletedAt: toIsoLocal(deletedAt),
        communitiesLeft: memberships.length,
        ...totals,
        photosDeleted: files.length,
      };
      return { result, files, notices };
    });
    for (const key of files) {
      await this.store
        .delete(key)
        .catch((error: Error) => this.logger.warn(`photo not removed: ${error.message}`));
    }
    // Those told are other people (authors, claimers, secretaries); the deleted person is told nothing.
    await this.notifications.push(notices.filter((n) => n.userId !== userId));
    return result;
  }

  /** The names the person was known by: their real names in each community, past and present. */
  private async namesOf(em: EntityManager, userId: string, memberships: Membership[]): Promise<string[]> {
    const departed = await em.find(Departure, { where: { userId } });
    const names = [...memberships, ...departed].map((m) => m.realName).filter((n): n is string => !!n);
    return [...new Set(names)].filter((name) => name.length >= 2);
  }

  /**
   * Their own inbox goes; in other people's, their names, their wishes' titles and what they wrote on a wish (a
   * dispute's reason, told to the reviewers) are replaced.
   */
  private async eraseFromOthersInboxes(em: EntityManager, userId: string, names: string[]) {
    await em.delete(Notification, { userId });
    const notes = await em.find(WishEvent, {
      where: { actorId: userId, note: Not(IsNull()) },
      select: { wishId: true, note: true },
    });
    for (const { wishId, note } of notes) {
      await em
        .createQueryBuilder()
        .update(Notification)
        .set({ body: () => 'REPLACE(body, :note, :erased)' })
        .where('wish_id = :wishId')
        .setParameters({ wishId, note, erased: ERASED_TEXT })
        .execute();
    }
    const wishes = await em.find(Wish, { where: { authorId: userId }, select: { id: true, title: true } });
    for (const wish of wishes) {
      await em
        .createQueryBuilder()
        .update(Notification)
        .set({
          title: () => 'REPLACE(title, :title, :erased)',
          body: () => 'REPLACE(body, :title, :erased)',
        })
        .where('wish_id = :wishId')
        .setParameters({ wishId: wish.id, title: wish.title, erased: ERASED_TITLE })
        .execute();
    }
    for (const name of names) {
      const mentioning = await em.find(Notification, {
        where: { body: Like(`%${name}%`) },
        select: { id: true },
      });
      if (mentioning.length === 0) continue;
      await em
        .createQueryBuilder()
        .update(Notification)
        .set({ body: () => 'REPLACE(body, :name, :erased)' })
        .where({ id: In(mentioning.map((n) => n.id)) })
        .setParameters({ name, erased: DELETED_USER_NAME })
        .execute();
    }
  }

  /** Rows of their photos and every link to them; the files' keys, to remove after the commit. */
  private async deleteUploads(em: EntityManager, userId: string): Promise<string[]> {
    // A recording on their wishes speaks of them, whoever made it (a family member, a secretary): it leaves the
    // wish with the wish's texts; the recorder keeps their upload.
    const theirWishes = await em.find(Wish, { where: { authorId: userId }, select: { id: true } });
    if (theirWishes.length) await em.delete(WishVoice, { wishId: In(theirWishes.map((w) => w.id)) });
    const uploads = await em.find(Upload, { where: { ownerId: userId } });
    if (uploads.length === 0) return [];
    const ids = uploads.map((u) => u.id);
    await em.delete(WishPhotoLink, { uploadId: In(ids) });
    await em.delete(WishVoice, { uploadId: In(ids) });
    await em.delete(DemandPhoto, { uploadId: In(ids) });
    await em.delete(Upload, { id: In(ids) });
    return uploads.map((u) => u.storageKey);
  }

  /** Everything they wrote outside the ledger, and every copy of their name and contact details. */
  private async eraseTexts(em: EntityManager, userId: string) {
    await em.update(
      Wish,
      { authorId: userId },
      {
        title: ERASED_TITLE,
        description: ERASED_TEXT,
        placeEnc: null,
        phoneEnc: null,
        desiredDate: null,
        thanks: null,
      },
    );
    await em.update(Wish, { claimerId: userId }, { fulfilNote: null });
    await em.update(WishEvent, { actorId: userId }, { note: null });
    await em.update(Demand, { raisedBy: userId }, { text: ERASED_TEXT });
    await em.update(Demand, { resolvedBy: userId }, { resolution: null });
    // Resolved before the resolver was recorded: most likely by the member it was assigned to.
    await em.update(Demand, { resolvedBy: IsNull(), assigneeId: userId }, { resolution: null });
    await em.update(Visit, { recordedBy: userId }, { notes: null });
    await em.update(RecordCorrection, { userId }, { reason: ERASED_TEXT });
    await em.update(Certificate, { userId }, { holderName: DELETED_USER_NAME });
    await em.update(
      Resource,
      { offeredBy: userId },
      { title: ERASED_RESOURCE, description: null, active: false },
    );
    await em.update(MemberRating, { userId }, { comment: null });
    await em.update(MemberRating, { ratedBy: userId }, { comment: null });
    await em.update(Departure, { userId }, { realName: null, reason: null });
    await em.delete(Invitation, { userId });
    // Its tokens are refused by the deleted row already; the list of the ones it logged out of goes too.
    await em.delete(RevokedToken, { userId });
  }
}
