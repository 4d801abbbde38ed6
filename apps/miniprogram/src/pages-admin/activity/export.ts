import { saveSpreadsheetWithLogin } from '../../services/files';

/** `小区环境整治-签到名单.xlsx`, without the characters file systems refuse. */
export function exportFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim() || '活动';
  return `${safe}-签到名单.xlsx`;
}

/** 导出名单: the attendance list as a spreadsheet (phones masked by the server), fetched with the login. */
export function exportAttendance(activity: { id: string; title: string }): Promise<void> {
  return saveSpreadsheetWithLogin(
    `/api/activities/${encodeURIComponent(activity.id)}/attendances/export`,
    exportFileName(activity.title),
  );
}
