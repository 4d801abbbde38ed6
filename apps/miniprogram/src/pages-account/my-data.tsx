import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '../components/Page';
import { ErrorState, LoadingState } from '../components/states';
import { toApiError, useAsync } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { api } from '../services/api';
import { saveJson } from '../services/files';
import { formatDateTime } from '../services/format';
import { exportSections } from './my-data-sections';
import './my-data.scss';
import { showToast } from '../services/toast';

/**
 * 导出我的数据: everything the server holds about the user, decrypted (GET /api/me/export), counted by
 * section, shown in full, and saved as a JSON file (H5) or copied for pasting (WeChat).
 */
export default function MyDataPage() {
  useRequireLogin();
  const data = useAsync(() => api.me.exportData(), []);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!data.data || saving) return;
    setSaving(true);
    try {
      const how = await saveJson(data.data, `我的数据-${data.data.exportedAt.slice(0, 10)}.json`);
      void showToast({ title: how === 'saved' ? '已开始下载' : '已复制，可粘贴保存', icon: 'success' });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };

  if (data.loading)
    return (
      <Page className="my-data-page">
        <LoadingState cards={2} rows={6} />
      </Page>
    );
  if (data.error || !data.data) {
    return (
      <Page className="my-data-page">
        <ErrorState error={data.error ?? toApiError('没有数据')} onRetry={data.reload} />
      </Page>
    );
  }
  const exported = data.data;
  return (
    <Page className="my-data-page">
      <View className="rv-card">
        <Text className="my-data__title">我们保存的关于您的信息</Text>
        <Text className="my-data__text">
          导出时间：{formatDateTime(exported.exportedAt)}。手机号、住址已解密，照片为 24 小时内有效的链接。
          其中只有您自己的信息，不含您帮助过的居民、走访住户等他人的信息。
        </Text>
        <View className="my-data__sections">
          {exportSections(exported).map((section) => (
            <View className="my-data__section" key={section.label}>
              <Text>{section.label}</Text>
              <Text className="my-data__count">{section.count}</Text>
            </View>
          ))}
        </View>
        <View className="rv-actions">
          <Button type="primary" size="large" loading={saving} onClick={() => void save()}>
            {process.env.TARO_ENV === 'h5' ? '下载数据文件' : '复制全部数据'}
          </Button>
        </View>
      </View>
      <Text className="rv-section-title">全部内容（JSON）</Text>
      <View className="rv-card my-data__raw" tabIndex={0}>
        <Text userSelect className="my-data__json">
          {JSON.stringify(exported, null, 2)}
        </Text>
      </View>
    </Page>
  );
}
