import Taro from '@tarojs/taro';
import { UploadSource } from '@redvest/api-client';

const EXTENSIONS = ['xlsx', 'csv'];

/**
 * Lets the user pick a spreadsheet to import: from a WeChat chat in the mini-program (where office files
 * usually arrive), from the device on H5. Resolves null when cancelled.
 */
export async function pickSheet(): Promise<UploadSource | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
      input.onchange = () => {
        const file = input.files?.[0];
        resolve(file ? { filename: file.name, data: file } : null);
      };
      input.click();
    });
  }
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS });
    return tempFiles[0] ? { filePath: tempFiles[0].path } : null;
  } catch {
    return null;
  }
}
