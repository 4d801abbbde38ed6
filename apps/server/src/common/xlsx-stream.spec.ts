import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { sheetNames, zipInput } from './xlsx-stream';

describe('spreadsheets written while they are sent', () => {
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

  it('names each worksheet once, without the characters Excel refuses, in at most 31 characters', () => {
    const name = sheetNames();
    const long = '某某市某某区某某街道某某社区卫生服务中心第一分中心附属门诊部与药房';
    expect([name('市税务局'), name('A/B:C'), name(long), name(long), name('a/b:c')]).toEqual([
      '市税务局',
      'A B C',
      long.slice(0, 31),
      `${long.slice(0, 28)}(2)`,
      'a b c(2)',
    ]);
  });
});
