import { ErrorCode } from '@redvest/contract';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain-error';

const TOKEN_LIFETIME = '30d';

/** Signed bearer tokens (HS256 with APP_SECRET): the subject is the user id. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.appSecret,
      signOptions: { expiresIn: TOKEN_LIFETIME, algorithm: 'HS256', issuer: 'redvest' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'redvest' },
    });
  }

  issue(userId: string): string {
    return this.jwt.sign({ sub: userId });
  }

  /** The user id of a valid token; 401 otherwise. */
  verify(token: string): string {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token);
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return payload.sub;
    } catch {
      throw new DomainError(ErrorCode.TokenInvalid);
    }
  }
}
