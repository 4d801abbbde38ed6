import { AuthOptions, AuthResponse, ErrorCode } from '@redvest/contract';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { DEMO_USERS } from '../demo/demo-users';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { WechatClient } from '../wechat/wechat.client';
import { TokenService } from './token.service';
import { LessThan } from 'typeorm';
import { Db } from '../database/db';
import { AuthContext } from './auth-context';
import { RevokedToken } from './revoked-token.entity';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
    private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  options(): AuthOptions {
    return {
      wechat: this.wechat.configured,
      devLogin: this.config.devLogin,
      demoUsers: this.config.devLogin ? DEMO_USERS : [],
    };
  }

  async loginWithWechat(code: string): Promise<AuthResponse> {
    const session = await this.wechat.code2Session(code);
    return this.answer(await this.users.findOrCreateByOpenid(session.openid));
  }

  async devLogin(openid: string, nickname?: string): Promise<AuthResponse> {
    if (!this.config.devLogin) throw new DomainError(ErrorCode.DevLoginDisabled);
    const demo = DEMO_USERS.find((user) => user.openid === openid);
    return this.answer(await this.users.findOrCreateByOpenid(openid, nickname ?? demo?.nickname));
  }

  private answer(user: User): AuthResponse {
    return { token: this.tokens.issue(user), user: { id: user.id, nickname: user.nickname } };
  }

  /** 退出登录: this token is refused from now on, by every server process (the guard reads the table). */
  async logout(auth: AuthContext): Promise<void> {
    await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .insert()
        .into(RevokedToken)
        .values({ jti: auth.token.jti, userId: auth.user.id, expiresAt: auth.token.expiresAt })
        .orIgnore()
        .updateEntity(false)
        .execute(),
    );
  }

  /** 退出所有设备: every token issued to the user so far is refused from now on. */
  async logoutEverywhere(auth: AuthContext): Promise<void> {
    await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(User)
        .set({ tokenGeneration: () => 'token_generation + 1' })
        .where('id = :id', { id: auth.user.id })
        .execute(),
    );
  }

  /** Revocations of tokens that have expired anyway; run by the scheduler. */
  async purgeRevokedTokens(now = new Date()): Promise<void> {
    await this.db.transaction((em) => em.delete(RevokedToken, { expiresAt: LessThan(now) }));
  }
}
