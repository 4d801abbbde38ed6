import { ErrorCode } from '@redvest/contract';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** WeChat's error codes for a login code that is wrong, used or expired. */
const INVALID_CODE_ERRCODES = new Set([40029, 40163, 40226]);
const TIMEOUT_MS = 5000;

/** WeChat's server API over HTTP; its base URL comes from WECHAT_API_BASE so tests talk to a local fake. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('Wechat');

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.wechat !== null;
  }

  /** `code2Session`: the `wx.login` code for the user's openid. */
  async code2Session(code: string): Promise<WechatSession> {
    const wechat = this.config.wechat;
    if (!wechat) throw new DomainError(ErrorCode.WechatNotConfigured);
    const query = new URLSearchParams({
      appid: wechat.appId,
      secret: wechat.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = await this.getJson(`/sns/jscode2session?${query}`);
    const errcode = Number(body.errcode ?? 0);
    if (errcode !== 0) {
      if (INVALID_CODE_ERRCODES.has(errcode)) throw new DomainError(ErrorCode.WechatCodeInvalid);
      this.logger.warn(`code2Session errcode ${errcode}: ${String(body.errmsg ?? '')}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    if (typeof body.openid !== 'string' || !body.openid) throw new DomainError(ErrorCode.WechatUnavailable);
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined };
  }

  private async getJson(path: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${this.config.wechatApiBase}${path}`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn(`WeChat unreachable: ${(error as Error).message}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    if (!response.ok) {
      this.logger.warn(`WeChat answered HTTP ${response.status}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    try {
      return (await response.json()) as Record<string, unknown>;
    } catch {
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
  }
}
