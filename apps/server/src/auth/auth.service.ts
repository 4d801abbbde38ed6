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

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
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
    return { token: this.tokens.issue(user.id), user: { id: user.id, nickname: user.nickname } };
  }
}
