import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { User } from './user.entity';

const DEFAULT_NICKNAME = '微信用户';

@Injectable()
export class UsersService {
  constructor(private readonly db: Db) {}

  /** The user with this openid, created on first login; safe when two logins race. */
  async findOrCreateByOpenid(openid: string, nickname?: string): Promise<User> {
    return this.db.transaction(async (em) => {
      const existing = await em.findOne(User, { where: { openid } });
      if (existing) return existing;
      await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({
          id: newId(),
          openid,
          nickname: nickname ?? DEFAULT_NICKNAME,
          privacyVersion: null,
          privacyAgreedAt: null,
          createdAt: new Date(),
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      return em.findOneOrFail(User, { where: { openid } });
    });
  }
}
