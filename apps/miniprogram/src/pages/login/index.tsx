import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight, Weixin } from '@nutui/icons-react-taro';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { loginAsDemoUser, loginWithWechat } from '../../services/auth';
import './index.scss';
import { showToast } from '../../services/toast';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

function showFailure(error: unknown) {
  void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
}

export default function LoginPage() {
  const options = useAsync(() => api.auth.options(), []);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, login: () => Promise<void>) => {
    if (busy) return;
    setBusy(key);
    try {
      await login();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const demoUsers = options.data?.devLogin ? options.data.demoUsers : [];

  return (
    <Page className="login-page">
      <View className="login-brand">
        <View className="login-brand__logo">
          <Text>红</Text>
        </View>
        <Text className="login-brand__name">红马甲</Text>
        <Text className="login-brand__slogan">社区志愿服务 · 邻里互助</Text>
      </View>

      {IN_WECHAT ? (
        <View className="login-wechat">
          <Button
            type="primary"
            size="xlarge"
            block
            icon={<Weixin size={22} />}
            loading={busy === 'wechat'}
            disabled={busy !== null}
            onClick={() => void run('wechat', loginWithWechat)}
          >
            微信一键登录
          </Button>
        </View>
      ) : null}

      {options.loading ? (
        <LoadingState cards={1} rows={4} />
      ) : options.error ? (
        <ErrorState error={options.error} onRetry={options.reload} />
      ) : demoUsers.length ? (
        <View className="login-demo">
          <Text className="rv-section-title">体验账号（演示环境，点选即可登录）</Text>
          <CellGroup>
            {demoUsers.map((user) => (
              <Cell
                key={user.openid}
                className="login-demo__user"
                title={user.nickname}
                description={user.description}
                align="center"
                clickable
                extra={
                  busy === user.openid ? <Text className="rv-muted">登录中…</Text> : <ArrowRight size={16} />
                }
                onClick={() => void run(user.openid, () => loginAsDemoUser(user.openid))}
              />
            ))}
          </CellGroup>
        </View>
      ) : !IN_WECHAT ? (
        <View className="rv-card login-hint">
          <Text>请在微信中搜索并打开「红马甲」小程序登录使用。</Text>
        </View>
      ) : null}

      <Text className="login-footnote">
        登录后，我们会先请您阅读《隐私保护指引》，同意后才会收集必要的个人信息。
      </Text>
    </Page>
  );
}
