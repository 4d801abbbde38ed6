import { ErrorBody, ErrorCode } from '@redvest/contract';

/** No PATCH: WeChat's wx.request cannot send it, so the contract never uses it. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers: Record<string, string>;
}

/** A file to send as multipart field `file`: bytes in node and browsers, a local path in the mini-program. */
export type UploadSource = { filename: string; data: Blob } | { filePath: string };

export interface UploadRequest {
  path: string;
  file: UploadSource;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  data: unknown;
}

/** How the client reaches the server: `fetch` in node and browsers, `Taro.request` in the mini-program. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  upload(request: UploadRequest): Promise<HttpResponse>;
}

/** An error answered by the server, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromResponse(response: HttpResponse): ApiError {
    const body = response.data as Partial<ErrorBody> | undefined;
    if (body && typeof body === 'object' && body.error) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
    return new ApiError(response.status, ErrorCode.Internal, unexplainedFailure(response.status));
  }
}

/**
 * What to tell a person when the answer carries no error of ours (a gateway's page, an empty 500): that the
 * fault is not theirs and that trying again later may work; the status only in brackets, for whoever helps them.
 */
export function unexplainedFailure(status: number): string {
  if (status === 502 || status === 503 || status === 504) return `服务器暂时连不上，请稍后再试（${status}）`;
  if (status >= 500) return `服务器出了点问题，请稍后再试（${status}）`;
  return `这次没有办成，请稍后再试（${status}）`;
}

export function buildUrl(baseUrl: string, path: string, query?: HttpRequest['query']): string {
  const params = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== '');
  const search = params.map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
  );
  return `${baseUrl.replace(/\/$/, '')}${path}${search.length ? `?${search.join('&')}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The transport for node (tests, scripts) and browsers, on the global `fetch`. */
export function fetchTransport(baseUrl: string): Transport {
  const network = (error: unknown) =>
    new ApiError(0, 'NETWORK_ERROR', `网络连接失败：${(error as Error).message ?? error}`);
  return {
    async send({ method, path, query, body, headers }) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const response = await fetch(buildUrl(baseUrl, path, query), init).catch((error) => {
        throw network(error);
      });
      return { status: response.status, data: await readBody(response) };
    },
    async upload({ path, file, headers }) {
      if (!('data' in file)) throw new ApiError(0, 'NETWORK_ERROR', '此环境只能上传文件内容');
      const form = new FormData();
      form.append('file', file.data, file.filename);
      const response = await fetch(buildUrl(baseUrl, path), { method: 'POST', headers, body: form }).catch(
        (error) => {
          throw network(error);
        },
      );
      return { status: response.status, data: await readBody(response) };
    },
  };
}
