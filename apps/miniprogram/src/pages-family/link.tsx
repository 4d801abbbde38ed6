import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ErrorCode, FamilyJoinDetails, MembershipStatus } from '@redvest/contract';
import { normaliseFamilyCode } from '@redvest/domain';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { toApiError } from '../hooks/useAsync';
import { useMe } from '../hooks/useMe';
import { api } from '../services/api';
import { JoinErrors, validateJoin } from '../pages-account/join-validate';
import './family.scss';

/**
 * 输入家人给的代码: the code links me as the resident's family member. Someone not yet in that community is shown
 * whose code it is and joins with their real name and phone in the same step; the community verifies them, as
 * with the invite code, before they can act for the resident.
 */
export default function FamilyLinkPage() {
  const me = useMe();
  const [code, setCode] = useState('');
  const [realName, setRealName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<JoinErrors & { code?: string }>({});
  const [joining, setJoining] = useState<FamilyJoinDetails | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (sending) return;
    const typed = normaliseFamilyCode(code);
    if (!typed) {
      setErrors({ code: '代码是 8 位数字和字母，请对照家人给的代码再输一遍' });
      return;
    }
    let join;
    if (joining) {
      const checked = validateJoin({ inviteCode: typed, realName, phone });
      setErrors(checked.errors);
      if (!checked.request) return;
      const { inviteCode: _code, ...details } = checked.request;
      join = details;
    }
    setSending(true);
    try {
      const result = await api.family.link({ code: typed, ...(join ? { join } : {}) });
      await me.reload();
      await Taro.showModal({
        title: '关联成功',
        content:
          result.membershipStatus === MembershipStatus.Pending
            ? `您已是${result.link.name}的家人。加入“${result.communityName}”的申请正在审核，通过后就能替家人办事。`
            : `您已是${result.link.name}的家人，可以替他（她）发布、确认心愿了。`,
        showCancel: false,
        confirmText: '好的',
      });
      await Taro.navigateBack();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === ErrorCode.FamilyJoinRequired) {
        setJoining(error.details as FamilyJoinDetails);
        return;
      }
      setErrors({ code: error.message });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page className="family-page">
      <View className="rv-card">
        <Field label="家人给的代码" error={errors.code} hint="8 位数字和字母，家人在“我的 → 我的家人”里生成">
          <Input
            className="family-code__input"
            value={code}
            placeholder="例如 K7QM 3WPX"
            maxLength={12}
            clearable
            onChange={(value) => {
              setCode(value);
              setErrors({});
              setJoining(null);
            }}
          />
        </Field>
      </View>

      {joining ? (
        <View className="rv-card">
          <Text className="family-warn">
            这是“{joining.communityName}”的居民{joining.residentName}
            给您的代码。您还不是这个社区的成员，请填写下面的信息，同时申请加入社区（社区工作人员审核后生效）。
          </Text>
          <Field label="真实姓名" error={errors.realName} hint="仅社区工作人员核实身份时可见">
            <Input value={realName} placeholder="请输入姓名" maxLength={20} onChange={setRealName} />
          </Field>
          <Field label="手机号码" error={errors.phone}>
            <Input type="tel" value={phone} placeholder="请输入手机号" maxLength={20} onChange={setPhone} />
          </Field>
        </View>
      ) : null}

      <View className="family-actions family-actions--page">
        <Button type="primary" size="large" block loading={sending} onClick={() => void send()}>
          {joining ? '加入社区并关联' : '关联家人'}
        </Button>
      </View>
    </Page>
  );
}
