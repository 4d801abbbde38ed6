import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { toApiError } from '../hooks/useAsync';
import { saveSpreadsheetWithLogin } from '../services/files';
import './ExportButton.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

/**
 * 导出 (a spreadsheet the API serves with the login): one tap fetches `path` and saves it as `filename`, one at a
 * time; on H5 says it started (the browser saves it), and says why when it did not.
 */
export function ExportButton({
  label,
  note,
  path,
  filename,
}: {
  label: string;
  note: string;
  /** Read at the tap, so it carries the filters shown then. */
  path: () => string;
  filename: () => string;
}) {
  const [exporting, setExporting] = useState(false);
  const save = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      await saveSpreadsheetWithLogin(path(), filename());
      if (process.env.TARO_ENV === 'h5') void showToast({ title: '已开始下载', icon: 'success' });
    } catch (caught) {
      void showModal({ title: '没有导出成功', content: toApiError(caught).message, showCancel: false });
    } finally {
      setExporting(false);
    }
  };
  return (
    <View className="rv-export">
      <Button
        type="primary"
        fill="outline"
        size="large"
        block
        loading={exporting}
        onClick={() => void save()}
      >
        {label}
      </Button>
      <Text className="rv-export__note">{note}</Text>
    </View>
  );
}
