import { AUDIT_TARGET_LABELS, AuditEntryView } from '@redvest/contract';
import ExcelJS from 'exceljs';

const COLUMNS = [
  { header: '序号', key: 'sequence', width: 8 },
  { header: '时间', key: 'at', width: 20 },
  { header: '操作人', key: 'actor', width: 14 },
  { header: '身份', key: 'role', width: 14 },
  { header: '动作', key: 'action', width: 22 },
  { header: '涉及成员', key: 'subject', width: 14 },
  { header: '对象', key: 'target', width: 24 },
  { header: '说明', key: 'summary', width: 48 },
  { header: 'IP', key: 'ip', width: 16 },
  { header: '设备', key: 'userAgent', width: 40 },
];

/** `2026-11-23T18:30:05.000+08:00` → `2026-11-23 18:30:05`. */
const local = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

const targetText = (entry: AuditEntryView) =>
  `${AUDIT_TARGET_LABELS[entry.targetType] ?? entry.targetType} ${entry.targetId}`;

/** 审计日志 as a spreadsheet, one row per entry, newest first; returns the file and how many rows it holds. */
export async function auditLogSheet(
  communityName: string,
  batches: AsyncIterable<AuditEntryView[]>,
): Promise<{ file: Buffer; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '红马甲';
  const sheet = workbook.addWorksheet('审计日志');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  for await (const batch of batches) {
    for (const entry of batch) {
      sheet.addRow({
        sequence: entry.sequence,
        at: local(entry.at),
        actor: entry.actorName,
        role: entry.actorRoleLabel,
        action: entry.actionLabel,
        subject: entry.subjectName ?? '',
        target: targetText(entry),
        summary: entry.summary,
        ip: entry.ip ?? '',
        userAgent: entry.userAgent ?? '',
      });
      rows++;
    }
  }
  sheet.addRow({});
  sheet.addRow({ sequence: `${communityName}审计日志：共 ${rows} 条` });
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}
