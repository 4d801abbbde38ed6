import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { API_BASE } from './api';
import { getToken, goToLogin } from './session';

const OFFLINE = '网络连接失败，请检查网络后重试';

function authorization(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

function refused(status: number, data: unknown): ApiError {
  const error = ApiError.fromResponse({ status, data });
  if (status === 401) goToLogin();
  return error;
}

/**
 * A file the API serves only with the login (a certificate's PDF, a WeChat code image), fetched with the bearer
 * token: a blob URL on H5, a local temporary file in the mini-program (its host must be a "downloadFile 合法域名").
 */
export async function downloadWithLogin(path: string): Promise<string> {
  const url = `${API_BASE}${path}`;
  if (process.env.TARO_ENV === 'h5') {
    let response: Response;
    try {
      response = await fetch(url, { headers: authorization() });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', OFFLINE);
    }
    if (!response.ok) {
      const text = await response.text();
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        // not JSON
      }
      throw refused(response.status, data);
    }
    return URL.createObjectURL(await response.blob());
  }
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header: authorization() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', OFFLINE);
  }
  if (result.statusCode >= 400) {
    // The server's error body was saved as the file.
    let data: unknown;
    try {
      data = JSON.parse(String(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8')));
    } catch {
      data = undefined;
    }
    throw refused(result.statusCode, data);
  }
  return result.tempFilePath;
}

/** Opens a PDF the API serves with the login: in a new browser tab on H5, in WeChat's document viewer otherwise. */
export async function openPdfWithLogin(path: string, filename: string): Promise<void> {
  const local = await downloadWithLogin(path);
  if (process.env.TARO_ENV === 'h5') {
    const opened = window.open(local, '_blank');
    if (!opened) {
      // A blocked pop-up: save it instead.
      const link = document.createElement('a');
      link.href = local;
      link.download = filename;
      link.click();
    }
    setTimeout(() => URL.revokeObjectURL(local), 60_000);
    return;
  }
  await Taro.openDocument({ filePath: local, fileType: 'pdf', showMenu: true });
}
