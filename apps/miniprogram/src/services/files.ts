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

/** H5: the file as a blob, or the server's error. */
async function fetchWithLogin(url: string): Promise<Blob> {
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
  return response.blob();
}

/** Mini-program: the file on the device (at `filePath` when given), or the server's error. */
async function downloadFileWithLogin(url: string, filePath?: string): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header: authorization(), ...(filePath ? { filePath } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', OFFLINE);
  }
  const saved = result.filePath || result.tempFilePath;
  if (result.statusCode >= 400) {
    // The server's error body was saved as the file.
    let data: unknown;
    try {
      data = JSON.parse(String(Taro.getFileSystemManager().readFileSync(saved, 'utf8')));
    } catch {
      data = undefined;
    }
    throw refused(result.statusCode, data);
  }
  return saved;
}

/** H5: has the browser save a blob URL under `filename`, then lets the URL go. */
function saveBlobUrl(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * A file the API serves only with the login (a certificate's PDF, a WeChat code image), fetched with the bearer
 * token: a blob URL on H5, a local temporary file in the mini-program (its host must be a "downloadFile 合法域名").
 */
export async function downloadWithLogin(path: string): Promise<string> {
  const url = `${API_BASE}${path}`;
  if (process.env.TARO_ENV === 'h5') return URL.createObjectURL(await fetchWithLogin(url));
  return downloadFileWithLogin(url);
}

/** Opens a PDF the API serves with the login: in a new browser tab on H5, in WeChat's document viewer otherwise. */
export async function openPdfWithLogin(path: string, filename: string): Promise<void> {
  const local = await downloadWithLogin(path);
  if (process.env.TARO_ENV === 'h5') {
    const opened = window.open(local, '_blank');
    // A blocked pop-up: save it instead.
    if (!opened) saveBlobUrl(local, filename);
    else setTimeout(() => URL.revokeObjectURL(local), 60_000);
    return;
  }
  await Taro.openDocument({ filePath: local, fileType: 'pdf', showMenu: true });
}

/**
 * A spreadsheet the API serves with the login (签到名单, 年度服务情况): on H5 the browser saves it as `filename`;
 * in WeChat it is saved under that name in the user's folder, so a forwarded copy keeps it, and opens in the
 * document viewer, whose menu forwards it to a chat or saves it.
 */
export async function saveSpreadsheetWithLogin(path: string, filename: string): Promise<void> {
  const url = `${API_BASE}${path}`;
  if (process.env.TARO_ENV === 'h5') {
    saveBlobUrl(URL.createObjectURL(await fetchWithLogin(url)), filename);
    return;
  }
  const saved = await downloadFileWithLogin(url, `${Taro.env.USER_DATA_PATH}/${filename}`);
  await Taro.openDocument({ filePath: saved, fileType: 'xlsx', showMenu: true });
}

/**
 * 导出我的数据 as a file: the browser saves it on H5; in WeChat it is written to the user's folder and its
 * text put on the clipboard (the mini-program has no viewer for JSON), so it can be pasted into a chat.
 */
export async function saveJson(data: unknown, filename: string): Promise<'saved' | 'copied'> {
  const text = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    saveBlobUrl(URL.createObjectURL(new Blob([text], { type: 'application/json' })), filename);
    return 'saved';
  }
  Taro.getFileSystemManager().writeFileSync(`${Taro.env.USER_DATA_PATH}/${filename}`, text, 'utf8');
  await Taro.setClipboardData({ data: text });
  return 'copied';
}
