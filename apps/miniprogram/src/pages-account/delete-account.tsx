import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { ACCOUNT_DELETION_CONFIRMATION, ErrorCode } from '@redvest/contract';
import { Page } from '../components/Page';
import { toApiError } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { api } from '../services/api';
import { clearSession, LOGIN_PAGE } from '../services/session';
import './delete-account.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

const ERASED = [
  '微信登录标识和昵称',
  '在各社区填写的真实姓名、手机号和住户',
  '您上传的照片（心愿、诉求和完成心愿的照片）',
  '您写下的文字：心愿说明、感谢的话、诉求内容、走访记录、更正理由等',
  '您的消息和社区邀请',
];

const CLOSED = [
  '您认领、还没完成的心愿，重新开放给其他志愿者',
  '您发布、还没完成的心愿，撤回',
  '还没领取的兑换订单，取消并退回积分',
  '您在包户小组中的位置结束（您是组长的，由组内其他党员接任）',
  '还没开始的活动报名，取消',
];

const KEPT = [
  '积分账本中的每一笔流水和备注：账本不能修改，才能保证每个人的积分都核对得上；流水上不再显示您是谁',
  '签到服务记录、走访时间和已开具证明的编号与时长，姓名改为“已注销用户”',
];

function List({ items }: { items: string[] }) {
  return (
    <View className="delete-account__list">
      {items.map((item) => (
        <Text className="delete-account__item" key={item}>
          · {item}
        </Text>
      ))}
    </View>
  );
}

/** 注销账号: says what goes, what is closed and what stays, asks twice, then erases and logs out. */
export default function DeleteAccountPage() {
  useRequireLogin();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const erase = async () => {
    if (!understood || busy) return;
    const { confirm } = await showModal({
      title: '确定注销账号吗？',
      content: '注销后无法恢复。用这个微信再次登录，会是一个全新的空白账号。',
      confirmText: '确定注销',
      confirmColor: '#c8161d',
      cancelText: '不注销',
    });
    if (!confirm) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.me.deleteAccount({ confirm: ACCOUNT_DELETION_CONFIRMATION });
      await showToast({ title: '账号已注销', icon: 'success' });
      // The server has already dropped every token of the account: nothing to log out of, only to forget.
      clearSession();
      await Taro.reLaunch({ url: LOGIN_PAGE });
    } catch (error) {
      const failed = toApiError(error);
      const communities = (failed.details as { communities?: { name: string }[] } | undefined)?.communities;
      setProblem(
        failed.code === ErrorCode.LastSecretaryMustHandOver && communities?.length
          ? `${failed.message}（${communities.map((c) => c.name).join('、')}）`
          : failed.message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="delete-account-page">
      <View className="rv-card">
        <Text className="delete-account__title">注销后将删除</Text>
        <List items={ERASED} />
        <Text className="delete-account__title">注销时先办好这些事</Text>
        <List items={CLOSED} />
        <Text className="delete-account__title">按规定保留（不再与您的身份关联）</Text>
        <List items={KEPT} />
        <Text className="delete-account__note">
          如果您是某个社区唯一的社区书记，请先在“成员审核”中把社区书记交给另一位成员。不想注销，只想离开某个社区，可以在“我的社区”中退出社区。
        </Text>
      </View>
      <View className="rv-card">
        <Checkbox
          checked={understood}
          label={<Text className="delete-account__check">我已阅读并了解以上内容</Text>}
          onChange={setUnderstood}
        />
        {problem ? <Text className="delete-account__problem">{problem}</Text> : null}
        <View className="rv-actions">
          <Button
            type="danger"
            size="large"
            disabled={!understood}
            loading={busy}
            onClick={() => void erase()}
          >
            注销账号
          </Button>
        </View>
      </View>
    </Page>
  );
}
