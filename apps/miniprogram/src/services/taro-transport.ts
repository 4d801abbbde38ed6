import Taro from '@tarojs/taro';
import { ApiError, buildUrl, HttpResponse, Transport } from '@redvest/api-client';

const TIMEOUT_MS = 15000;
const OFFLINE_MESSAGE = '网络连接失败，请检查网络后重试';

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string' || !data) return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * The client's transport on `Taro.request` / `Taro.uploadFile`: wx.request in the mini-program, fetch and
 * XHR on H5. Answers of every status resolve (the client turns 4xx/5xx into ApiError); only a failure to
 * reach the server rejects, as a NETWORK_ERROR.
 */
export function taroTransport(baseUrl: string): Transport {
  return {
    async send({ method, path, query, body, headers }): Promise<HttpResponse> {
      const header: Record<string, string> = { ...headers };
      if (body !== undefined) header['content-type'] = 'application/json';
      try {
        const response = await Taro.request({
          url: buildUrl(baseUrl, path, query),
          method: method as keyof Taro.request.Method,
          data: body as Record<string, unknown> | undefined,
          header,
          dataType: 'json',
          timeout: TIMEOUT_MS,
        });
        return { status: response.statusCode, data: parseBody(response.data) };
      } catch {
        throw new ApiError(0, 'NETWORK_ERROR', OFFLINE_MESSAGE);
      }
    },

    async upload({ path, file, headers }): Promise<HttpResponse> {
      const url = buildUrl(baseUrl, path);
      if ('data' in file) {
        // A browser File (H5): post it as multipart ourselves, keeping its name (the server reads the extension).
        const form = new FormData();
        form.append('file', file.data, file.filename);
        try {
          const response = await fetch(url, { method: 'POST', headers, body: form });
          return { status: response.status, data: parseBody(await response.text()) };
        } catch {
          throw new ApiError(0, 'NETWORK_ERROR', OFFLINE_MESSAGE);
        }
      }
      try {
        const response = await Taro.uploadFile({
          url,
          filePath: file.filePath,
          name: 'file',
          header: headers,
          timeout: 60000,
        });
        return { status: response.statusCode, data: parseBody(response.data) };
      } catch {
        throw new ApiError(0, 'NETWORK_ERROR', OFFLINE_MESSAGE);
      }
    },
  };
}
