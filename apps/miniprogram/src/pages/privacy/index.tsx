import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { logout } from '../../services/auth';
import { getToken, HOME_PAGE } from '../../services/session';
import './index.scss';
import { showModal } from '../../services/modal';
import { showToast } from '../../services/toast';

/**
 * The privacy notice. Reached after login while the user has not agreed to its current version (nothing asks
 * for personal data before that), or from 我的 to read it again (`?mode=read`).
 */
export default function PrivacyPage() {
  const router = useRouter();
  const readOnly = router.params.mode === 'read' || !getToken();
  const notice = useAsync(() => api.privacy(), []);
  const [saving, setSaving] = useState(false);

  const agree = async () => {
    if (!notice.data || saving) return;
    setSaving(true);
    try {
      await api.me.agreePrivacy(notice.data.version);
      await Taro.reLaunch({ url: HOME_PAGE });
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };

  const decline = async () => {
    const { confirm } = await showModal({
      title: '不同意隐私保护指引',
      content:
        '不同意将无法使用加入社区、签到、心愿等需要个人信息的功能，并将退出登录。您可以随时重新登录并同意。',
      confirmText: '退出登录',
      cancelText: '再看看',
    });
    if (confirm) await logout();
  };

  return (
    <Page className="privacy-page">
      {notice.loading ? (
        <LoadingState cards={1} rows={8} />
      ) : notice.error || !notice.data ? (
        <ErrorState error={notice.error ?? toApiError('没有内容')} onRetry={notice.reload} />
      ) : (
        <>
          <View className="rv-card privacy-notice">
            <Text className="privacy-notice__title">{notice.data.title}</Text>
            <Text className="privacy-notice__version">版本：{notice.data.version}</Text>
            {notice.data.body
              .split(/\n+/)
              .filter((line) => line.trim())
              .map((line, index) => (
                <Text className="privacy-notice__para" key={index}>
                  {line.trim()}
                </Text>
              ))}
          </View>
          {readOnly ? null : (
            <View className="privacy-actions">
              <Button type="primary" size="large" block loading={saving} onClick={() => void agree()}>
                同意并继续
              </Button>
              <Button size="large" block fill="none" disabled={saving} onClick={() => void decline()}>
                不同意
              </Button>
            </View>
          )}
        </>
      )}
    </Page>
  );
}
