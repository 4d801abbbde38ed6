import { ATTENDANCE_STATUS_LABELS, AttendanceStatus, toIsoLocal } from '@redvest/contract';
import type { Readable } from 'node:stream';
import { commitPlain, streamedWorkbook } from '../common/xlsx-stream';

const COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '手机号', key: 'phone', width: 15 },
  { header: '签到时间', key: 'in', width: 20 },
  { header: '签退时间', key: 'out', width: 20 },
  { header: '服务时长（分钟）', key: 'minutes', width: 16 },
  { header: '积分', key: 'points', width: 8 },
  { header: '状态', key: 'status', width: 10 },
  { header: '备注', key: 'note', width: 16 },
];

/** One row of 签到名单: an attendance with the attendee's name and masked phone. */
export interface AttendanceSheetRow {
  name: string;
  /** Masked, or null when none was given. */
  phone: string | null;
  checkedInAt: Date;
  checkedOutAt: Date | null;
  minutes: number | null;
  points: number | null;
  status: AttendanceStatus;
  proxyBy: string | null;
  offline: boolean;
}

/** `2026-11-23T18:30:00.000+08:00` → `2026-11-23 18:30` (the sheet is read in the product's clock zone). */
const local = (at: Date | null) => {
  if (!at) return '';
  const iso = toIsoLocal(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/**
 * 签到名单 as a spreadsheet: names, masked phones, times, minutes and points, then the count and the minutes.
 * Written while it is sent, a page of attendances at a time (`streamedWorkbook`).
 */
export function attendanceSheet(title: string, pages: AsyncIterable<AttendanceSheetRow[]>): Readable {
  return streamedWorkbook({ useStyles: true }, async (workbook, pace) => {
    const sheet = workbook.addWorksheet('签到名单');
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    let people = 0;
    let minutes = 0;
    for await (const page of pages) {
      for (const row of page) {
        commitPlain(
          sheet.addRow({
            name: row.name,
            phone: row.phone ?? '',
            in: local(row.checkedInAt),
            out: local(row.checkedOutAt),
            minutes: row.minutes ?? '',
            points: row.points ?? '',
            status: ATTENDANCE_STATUS_LABELS[row.status],
            note: [row.proxyBy ? '代签到' : '', row.offline ? '离线签到' : ''].filter(Boolean).join('、'),
          }),
        );
        people++;
        minutes += row.minutes ?? 0;
      }
      if (!(await pace(sheet))) return;
    }
    sheet.addRow({}).commit();
    sheet.addRow({ name: `${title}：共 ${people} 人，${minutes} 分钟` }).commit();
    sheet.commit();
  });
}

/** A Content-Disposition that keeps a Chinese file name in every browser and in WeChat. */
export function attachment(filename: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
