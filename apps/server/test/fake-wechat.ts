import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export const FAKE_APPID = 'wx0123456789abcdef';
export const FAKE_SECRET = 'fake-wechat-secret-0123456789ab';
/** Texts WeChat's content check calls risky in the fake. */
export const FAKE_RISKY_WORDS = ['违规示例词'];

/** The smallest PNG: what the fake answers for a mini-program code. */
export const FAKE_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/**
 * A stand-in for WeChat's API servers on loopback, so the real client code runs against real HTTP.
 * `codes` maps a wx.login code to the openid WeChat would answer; any other code is invalid (40029).
 */
export class FakeWechat {
  readonly codes = new Map<string, string>();
  readonly requests: { path: string; query: URLSearchParams }[] = [];
  /** When set, every request answers with this HTTP status (WeChat failing). */
  failWith: number | null = null;
  /** How long every answer takes (WeChat being slow). */
  delayMs = 0;
  /** The paths asked for, as each request arrives (before any delay). */
  readonly arrivals: string[] = [];
  private server!: Server;

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The server's WeChat settings pointing at this fake. */
  get env(): Record<string, string> {
    return { WECHAT_APPID: FAKE_APPID, WECHAT_SECRET: FAKE_SECRET, WECHAT_API_BASE: this.baseUrl };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Access tokens handed out, and the JSON bodies posted to WeChat. */
  readonly issuedTokens: string[] = [];
  readonly posted: { path: string; body: Record<string, unknown> }[] = [];

  private handle(req: IncomingMessage, res: ServerResponse) {
    this.arrivals.push(new URL(req.url ?? '/', 'http://fake').pathname);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      setTimeout(() => this.answer(req, res, Buffer.concat(chunks).toString('utf8')), this.delayMs),
    );
  }

  private answer(req: IncomingMessage, res: ServerResponse, text: string) {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ path: url.pathname, query: url.searchParams });
    if (text) this.posted.push({ path: url.pathname, body: JSON.parse(text) as Record<string, unknown> });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.failWith) return send(this.failWith, { errcode: -1, errmsg: 'system error' });
    if (url.pathname === '/sns/jscode2session') {
      const q = url.searchParams;
      if (q.get('appid') !== FAKE_APPID || q.get('secret') !== FAKE_SECRET) {
        return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      if (q.get('grant_type') !== 'authorization_code')
        return send(200, { errcode: 40002, errmsg: 'invalid grant_type' });
      const openid = this.codes.get(q.get('js_code') ?? '');
      if (!openid) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      this.codes.delete(q.get('js_code')!);
      return send(200, { openid, session_key: 'c2Vzc2lvbi1rZXk=' });
    }
    if (url.pathname === '/cgi-bin/token') {
      const q = url.searchParams;
      if (q.get('appid') !== FAKE_APPID || q.get('secret') !== FAKE_SECRET)
        return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `fake-token-${this.issuedTokens.length + 1}`;
      this.issuedTokens.push(token);
      return send(200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/msg_sec_check' || url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!this.issuedTokens.includes(url.searchParams.get('access_token') ?? '')) {
        return send(200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') return send(200, { errcode: 0, errmsg: 'ok' });
      const content = String(this.posted.at(-1)?.body.content ?? '');
      const risky = FAKE_RISKY_WORDS.some((word) => content.includes(word));
      return send(200, {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 },
      });
    }
    if (url.pathname === '/wxa/getwxacodeunlimit') {
      if (!this.issuedTokens.includes(url.searchParams.get('access_token') ?? '')) {
        return send(200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(FAKE_PNG);
    }
    send(404, { errcode: 404, errmsg: 'not found' });
  }
}

/** The server's settings that point it at this fake. */
export const fakeWechatEnv = (wechat: FakeWechat) => ({
  WECHAT_APPID: FAKE_APPID,
  WECHAT_SECRET: FAKE_SECRET,
  WECHAT_API_BASE: wechat.baseUrl,
});
