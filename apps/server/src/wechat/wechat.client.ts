import { ErrorCode } from '@redvest/contract';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { WechatToken } from './wechat-token.entity';

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

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
  ) {}

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

  /**
   * `wxacode.getUnlimited`: a mini-program code that opens `page` with `scene`, which WeChat's own camera
   * understands. Answers the image bytes (PNG or JPEG, as WeChat sends them).
   */
  async unlimitedCode(scene: string, page: string): Promise<{ contentType: string; image: Buffer }> {
    const token = await this.accessToken();
    let response: Response;
    try {
      response = await fetch(
        `${this.config.wechatApiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scene, page, check_path: false, width: 430 }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
      );
    } catch (error) {
      this.logger.warn(`WeChat unreachable: ${(error as Error).message}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok || contentType.includes('json')) {
      const error = contentType.includes('json')
        ? (JSON.parse(body.toString('utf8')) as { errcode?: number })
        : {};
      if (error.errcode === 40001 || error.errcode === 42001) await this.forgetToken();
      this.logger.warn(
        `getwxacodeunlimit failed: HTTP ${response.status} ${body.toString('utf8').slice(0, 200)}`,
      );
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    return { contentType: contentType || 'image/png', image: body };
  }

  /** `msgSecCheck` (version 2): WeChat's verdict on a text a user wants to publish. */
  async msgSecCheck(content: string, openid: string): Promise<{ suggest: string; label: number }> {
    const body = await this.postJson('/wxa/msg_sec_check', { content, version: 2, scene: 1, openid });
    const result = body.result as { suggest?: string; label?: number } | undefined;
    if (Number(body.errcode ?? 0) !== 0 || !result?.suggest)
      throw new DomainError(ErrorCode.WechatUnavailable);
    return { suggest: result.suggest, label: Number(result.label ?? 0) };
  }

  /** A subscribe message (订阅消息); false when WeChat refuses it (the user did not subscribe, or no quota). */
  async sendSubscribeMessage(message: {
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<boolean> {
    const body = await this.postJson('/cgi-bin/message/subscribe/send', message);
    const errcode = Number(body.errcode ?? 0);
    if (errcode !== 0) this.logger.warn(`subscribe/send errcode ${errcode}: ${String(body.errmsg ?? '')}`);
    return errcode === 0;
  }

  /** POSTs JSON with the access token, fetching a new token once if WeChat says it is no longer valid. */
  private async postJson(path: string, payload: unknown, retried = false): Promise<Record<string, unknown>> {
    const token = await this.accessToken();
    let response: Response;
    try {
      response = await fetch(
        `${this.config.wechatApiBase}${path}?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
      );
    } catch (error) {
      this.logger.warn(`WeChat unreachable: ${(error as Error).message}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    if (!response.ok) throw new DomainError(ErrorCode.WechatUnavailable);
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!retried && (body.errcode === 40001 || body.errcode === 42001)) {
      await this.forgetToken();
      return this.postJson(path, payload, true);
    }
    return body;
  }

  /** The app's access token, cached in the database until five minutes before WeChat says it expires. */
  async accessToken(): Promise<string> {
    const wechat = this.config.wechat;
    if (!wechat) throw new DomainError(ErrorCode.WechatNotConfigured);
    const cached = await this.db.read((em) => em.findOne(WechatToken, { where: { appId: wechat.appId } }));
    if (cached && cached.expiresAt.getTime() > Date.now()) return cached.token;
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: wechat.appId,
      secret: wechat.secret,
    });
    const body = await this.getJson(`/cgi-bin/token?${query}`);
    if (typeof body.access_token !== 'string') {
      this.logger.warn(`cgi-bin/token errcode ${String(body.errcode)}: ${String(body.errmsg ?? '')}`);
      throw new DomainError(ErrorCode.WechatUnavailable);
    }
    const lifetime = Math.max(60, Number(body.expires_in ?? 7200) - 300);
    const token = {
      appId: wechat.appId,
      token: body.access_token,
      expiresAt: new Date(Date.now() + lifetime * 1000),
    };
    await this.db.transaction((em) => em.save(WechatToken, token));
    return token.token;
  }

  private async forgetToken(): Promise<void> {
    if (this.config.wechat)
      await this.db.transaction((em) => em.delete(WechatToken, { appId: this.config.wechat!.appId }));
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
