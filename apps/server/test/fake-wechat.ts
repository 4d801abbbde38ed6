import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export const FAKE_APPID = 'wx0123456789abcdef';
export const FAKE_SECRET = 'fake-wechat-secret-0123456789ab';

/**
 * A stand-in for WeChat's API servers on loopback, so the real client code runs against real HTTP.
 * `codes` maps a wx.login code to the openid WeChat would answer; any other code is invalid (40029).
 */
export class FakeWechat {
  readonly codes = new Map<string, string>();
  readonly requests: { path: string; query: URLSearchParams }[] = [];
  /** When set, every request answers with this HTTP status (WeChat failing). */
  failWith: number | null = null;
  private server!: Server;

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ path: url.pathname, query: url.searchParams });
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
    send(404, { errcode: 404, errmsg: 'not found' });
  }
}
