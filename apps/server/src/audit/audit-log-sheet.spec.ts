import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { zipInput } from './audit-log-sheet';

describe('the audit log spreadsheet', () => {
  it('finds where ExcelJS queues a worksheet for its zip, so a long export waits for it', async () => {
    const file = new PassThrough().resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file });
    const sheet = workbook.addWorksheet('审计日志');
    for (let i = 0; i < 5_000; i++)
      sheet.addRow([i, '更换了邀请码，旧邀请码和旧二维码不能再用于加入']).commit();
    expect(zipInput(sheet)?._writableState?.length).toBeGreaterThan(0);
    sheet.commit();
    await workbook.commit();
  });
});
