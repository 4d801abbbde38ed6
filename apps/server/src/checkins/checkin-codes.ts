import { CheckinCode, CodeKind, ErrorCode, toIsoLocal } from '@redvest/contract';
import {
  closesAt,
  CodeSigner,
  encodeCode,
  rotatingWindow,
  ROTATION_SECONDS,
  windowEnd,
} from '@redvest/domain';
import { Inject, Injectable } from '@nestjs/common';
import { Activity } from '../activities/activity.entity';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { codeSigner } from './checkin-token';

/** The codes an organiser shows: the rotating one on their phone, and the poster's. */
@Injectable()
export class CheckinCodes {
  private readonly sign: CodeSigner;

  constructor(
    private readonly db: Db,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.sign = codeSigner(config.appSecret);
  }

  /** The current code: a rotating one (changes every 30 s) or the poster's. */
  async code(activityId: string, kind: CodeKind): Promise<CheckinCode> {
    return this.db.read(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      if (activity.cancelledAt) throw new DomainError(ErrorCode.ActivityCancelled);
      const community = await em.findOneOrFail(Community, { where: { id: activity.communityId } });
      if (kind === 'poster') {
        return {
          token: encodeCode(this.sign, { kind, activityNumber: activity.number, window: 0 }),
          kind,
          expiresAt: toIsoLocal(closesAt({ ...activity, graceMinutes: community.checkinGraceMinutes })),
          refreshInSeconds: null,
        };
      }
      const now = new Date();
      const window = rotatingWindow(now);
      const changesAt = windowEnd(window);
      return {
        token: encodeCode(this.sign, { kind, activityNumber: activity.number, window }),
        kind,
        expiresAt: toIsoLocal(new Date(changesAt.getTime() + ROTATION_SECONDS * 1000)),
        refreshInSeconds: Math.max(1, Math.ceil((changesAt.getTime() - now.getTime()) / 1000)),
      };
    });
  }
}
