import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Scan } from '@nutui/icons-react-taro';
import { Page } from '../../components/Page';
import { useRequireLogin } from '../../hooks/useMe';
import { EmptyState } from '../../components/states';
import './index.scss';

/**
 * Check-in by QR code. The check-in service is being built; the camera already works, so volunteers can try it
 * and see what a code holds.
 */
export default function ScanPage() {
  useRequireLogin();
  const [scanned, setScanned] = useState<string | null>(null);

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      // On H5 without WeChat's JS-SDK the call resolves without a result.
      if (res.result) setScanned(res.result);
      else void Taro.showToast({ title: '当前环境无法扫码，请在微信中使用', icon: 'none', duration: 2500 });
    } catch {
      // The user closed the camera.
    }
  };

  return (
    <Page className="scan-page">
      <EmptyState
        icon={<Scan size={48} />}
        title="扫码签到即将开放"
        description="参加志愿活动时，扫描组织者出示的二维码即可签到、签退，服务时长和积分自动记录。功能正在准备中，敬请期待。"
      />
      <View className="scan-action">
        <Button type="primary" size="xlarge" block icon={<Scan size={22} />} onClick={() => void scan()}>
          扫一扫
        </Button>
      </View>
      {scanned ? (
        <View className="rv-card scan-result">
          <Text className="scan-result__label">已识别二维码</Text>
          <Text className="scan-result__text" userSelect>
            {scanned}
          </Text>
          <Text className="rv-muted">签到功能上线后，扫描活动二维码即可直接签到。</Text>
        </View>
      ) : null}
    </Page>
  );
}
