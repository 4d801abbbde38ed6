import Taro from '@tarojs/taro';
import { ApiError } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { API_BASE } from '../../services/api';
import { getToken, goToLogin } from '../../services/session';

const OFFLINE_MESSAGE = '网络连接失败，请检查网络后重试';

/** `小区环境整治-签到名单.xlsx`, without the characters file systems refuse. */
export function exportFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim() || '活动';
  return `${safe}-签到名单.xlsx`;
}

function failure(status: number, text: string): ApiError {
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: reported as unreadable below
  }
  const error = ApiError.fromResponse({ status, data });
  if (error.code === ErrorCode.Unauthenticated || error.code === ErrorCode.TokenInvalid) goToLogin();
  return error;
}

/**
 * 导出名单: the attendance list as a spreadsheet (phones masked by the server), fetched with the login. On H5
 * the browser saves it; in WeChat it opens in the document viewer, whose menu forwards it to a chat or saves it.
 */
export async function exportAttendance(activity: { id: string; title: string }): Promise<void> {
  const url = `${API_BASE}/api/activities/${encodeURIComponent(activity.id)}/attendances/export`;
  const token = getToken();
  const header: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const filename = exportFileName(activity.title);

  if (process.env.TARO_ENV === 'h5') {
    let response: Response;
    try {
      response = await fetch(url, { headers: header });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', OFFLINE_MESSAGE);
    }
    if (!response.ok) throw failure(response.status, await response.text());
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return;
  }

  // A named file in the user's folder, so a forwarded copy keeps its name.
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header, filePath });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', OFFLINE_MESSAGE);
  }
  const saved = result.filePath || result.tempFilePath;
  if (result.statusCode !== 200) {
    let text = '';
    try {
      text = String(Taro.getFileSystemManager().readFileSync(saved, 'utf8'));
    } catch {
      // unreadable: reported as such
    }
    throw failure(result.statusCode, text);
  }
  await Taro.openDocument({ filePath: saved, fileType: 'xlsx', showMenu: true });
}
