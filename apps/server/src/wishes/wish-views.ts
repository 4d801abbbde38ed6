import {
  FAMILY_EVENT_LABELS,
  toIsoLocal,
  WISH_ACTION_LABELS,
  WISH_STATUS_LABELS,
  WishEventView,
  WishView,
} from '@redvest/contract';
import {
  allowedActions,
  maskName,
  maskPhone,
  mayHearWishVoice,
  nameAsShown,
  WishActor,
  wishActorsFor,
} from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CommunityAccess } from '../auth/auth-context';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Employer } from '../communities/employer.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { memberNames } from '../communities/member-names';
import { Compound } from '../organisation/compound.entity';
import { UploadsService } from '../uploads/uploads.service';
import { WishEvent } from './wish-event.entity';
import { WishPhotoLink } from './wish-photo.entity';
import { wishVoicesOf } from './wish-voices';
import { Wish } from './wish.entity';

/** Who reads or acts: their standing in the community and the residents they are linked family of. */
export interface WishReader {
  access: CommunityAccess;
  userId: string;
  familyOf: ReadonlySet<string>;
}

/** Who the caller is to this wish (see the state machine's actors). */
export function actorsFor(wish: Wish, reader: WishReader): Set<WishActor> {
  return wishActorsFor(wish, {
    userId: reader.userId,
    granted: reader.access.granted,
    branchCompoundIds: reader.access.branchCompoundIds,
    familyOf: reader.familyOf,
  });
}

/** Wishes as the caller may see them. */
@Injectable()
export class WishViews {
  private readonly claimDays: number;

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly uploads: UploadsService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.claimDays = config.wishes.claimDays;
  }

  async build(
    em: EntityManager,
    wishes: Wish[],
    reader: WishReader,
    withTimeline = false,
  ): Promise<WishView[]> {
    if (wishes.length === 0) return [];
    const { access } = reader;
    const ids = wishes.map((w) => w.id);
    const photos = await em.find(WishPhotoLink, { where: { wishId: In(ids) }, order: { position: 'ASC' } });
    const voices = await wishVoicesOf(em, ids);
    const names = await memberNames(
      em,
      access.communityId,
      wishes.flatMap((w) =>
        [w.authorId, w.claimerId, w.postedBy, w.confirmedBy].filter((id): id is string => !!id),
      ),
    );
    const compoundIds = wishes.map((w) => w.compoundId).filter((id): id is string => !!id);
    const compounds = compoundIds.length ? await em.find(Compound, { where: { id: In(compoundIds) } }) : [];
    const employerIds = wishes.map((w) => w.claimedForEmployerId).filter((id): id is string => !!id);
    const employers = employerIds.length ? await em.find(Employer, { where: { id: In(employerIds) } }) : [];
    const views: WishView[] = [];
    for (const w of wishes) {
      const actors = actorsFor(w, reader);
      const reviewer = actors.has('reviewer');
      const family = actors.has('family');
      const close = actors.has('author') || actors.has('claimer') || reviewer || family;
      // 由家人 X 代为发布/确认: for the resident, their family and the reviewers, not for the claimer or the wall.
      const toldOfFamily = actors.has('author') || reviewer || family;
      const familyName = (id: string | null) => (toldOfFamily && id ? (names.get(id) ?? null) : null);
      const phone = w.phoneEnc ? this.cipher.decrypt(w.phoneEnc) : null;
      const photoOf = (kind: 'wish' | 'fulfilment') =>
        photos
          .filter((p) => p.wishId === w.id && p.kind === kind)
          .map((p) => ({ id: p.uploadId, url: this.uploads.link(p.uploadId) }));
      const voice = voices.get(w.id);
      const view: WishView = {
        id: w.id,
        communityId: w.communityId,
        title: w.title,
        description: w.description,
        category: w.category,
        status: w.status,
        statusLabel: WISH_STATUS_LABELS[w.status],
        points: w.points,
        photos: photoOf('wish'),
        // Served with the login, to those who may hear it: a link of its own would play to anyone it reached.
        voiceNote: voice
          ? { seconds: voice.seconds, url: mayHearWishVoice(actors) ? `/api/wishes/${w.id}/voice` : null }
          : null,
        desiredDate: w.desiredDate,
        mine: actors.has('author'),
        claimedByMe: actors.has('claimer'),
        // User ids only for reviewers (who dispatch and see the member list): residents see none.
        authorId: reviewer ? w.authorId : null,
        authorName: nameAsShown(names.get(w.authorId) ?? '', close),
        // A wish a family member posted reads, to everyone not told of the family, as the resident's own.
        postedOnBehalf: w.postedBy !== null && (!w.postedAsFamily || toldOfFamily),
        postedByFamily: w.postedAsFamily ? familyName(w.postedBy) : null,
        confirmedByFamily: w.confirmation === 'family' ? familyName(w.confirmedBy) : null,
        forFamily: family,
        compound: compounds.find((c) => c.id === w.compoundId)?.name ?? null,
        place: close && w.placeEnc ? this.cipher.decrypt(w.placeEnc) : null,
        contactPhone: phone ? (close ? phone : maskPhone(phone)) : null,
        claimerId: reviewer ? w.claimerId : null,
        claimerName: w.claimerId ? nameAsShown(names.get(w.claimerId) ?? '', close) : null,
        claimedForEmployer: employers.find((e) => e.id === w.claimedForEmployerId)?.name ?? null,
        dispatched: w.dispatchedBy !== null,
        claimExpiresAt:
          w.claimedAt && w.status === 'claimed'
            ? toIsoLocal(new Date(w.claimedAt.getTime() + this.claimDays * 86_400_000))
            : null,
        fulfilNote: w.fulfilNote,
        fulfilPhotos: photoOf('fulfilment'),
        rating: w.rating,
        thanks: w.thanks,
        confirmation: w.confirmation,
        rejectReason: w.rejectReason,
        createdAt: toIsoLocal(w.createdAt),
        actions: allowedActions(w.status, actors),
      };
      if (withTimeline) view.timeline = await this.timeline(em, w, access.communityId, close);
      views.push(view);
    }
    return views;
  }

  /** Names in full for the people close to the wish, masked for everyone else. */
  private async timeline(
    em: EntityManager,
    wish: Wish,
    communityId: string,
    close: boolean,
  ): Promise<WishEventView[]> {
    const events = await em.find(WishEvent, { where: { wishId: wish.id }, order: { id: 'ASC' } });
    const names = await memberNames(
      em,
      communityId,
      events.map((e) => e.actorId).filter((id): id is string => !!id),
    );
    return events.map((e) => ({
      action: e.action,
      label: eventLabel(e),
      actorName: e.actorId
        ? close
          ? (names.get(e.actorId) ?? null)
          : maskName(names.get(e.actorId) ?? '')
        : null,
      note: e.note,
      at: toIsoLocal(e.createdAt),
      asFamily: e.asFamily,
    }));
  }
}

function eventLabel(event: WishEvent): string {
  const familyLabel = (FAMILY_EVENT_LABELS as Partial<Record<string, string>>)[event.action];
  if (event.asFamily && familyLabel) return familyLabel;
  return event.action === 'post' ? '发布心愿' : WISH_ACTION_LABELS[event.action];
}
