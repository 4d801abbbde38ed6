import { ATTENDANCE_STATUS_LABELS, AttendeeView } from '@redvest/contract';
import ExcelJS from 'exceljs';

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

/** `2026-11-23T18:30:00.000+08:00` → `2026-11-23 18:30` (the sheet is read in the product's clock zone). */
const local = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

/** 签到名单 as a spreadsheet: names, masked phones, times, minutes and points. */
export async function attendanceSheet(title: string, rows: AttendeeView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '红马甲';
  const sheet = workbook.addWorksheet('签到名单');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({
      name: row.name,
      phone: row.phone ?? '',
      in: local(row.checkedInAt),
      out: local(row.checkedOutAt),
      minutes: row.minutes ?? '',
      points: row.points ?? '',
      status: ATTENDANCE_STATUS_LABELS[row.status],
      note: [row.proxyBy ? '代签到' : '', row.offline ? '离线签到' : ''].filter(Boolean).join('、'),
    });
  }
  sheet.addRow({});
  sheet.addRow({
    name: `${title}：共 ${rows.length} 人，${rows.reduce((sum, r) => sum + (r.minutes ?? 0), 0)} 分钟`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Content-Disposition that keeps a Chinese file name in every browser and in WeChat. */
export function attachment(filename: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
