import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ErrorCode, InviteLookup } from '@redvest/contract';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { toApiError } from '../hooks/useAsync';
import { api } from '../services/api';
import { queryParam, TAB_PAGES } from '../services/routes';
import { PRIVACY_PAGE } from '../services/session';
import { JoinErrors, JoinForm, validateJoin } from './join-validate';
import './join.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

/** Join a community as a resident: the invite code a secretary gave, then real name and phone for verification. */
export default function JoinPage() {
  const router = useRouter();
  const [form, setForm] = useState<JoinForm>({
    inviteCode: queryParam(router.params, 'code') ?? '',
    realName: '',
    phone: '',
  });
  const [errors, setErrors] = useState<JoinErrors>({});
  const [community, setCommunity] = useState<InviteLookup | null>(null);
  const [looking, setLooking] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const update = (patch: Partial<JoinForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as (keyof JoinForm)[]) delete next[key];
      return next;
    });
  };

  const lookUp = async (): Promise<InviteLookup | null> => {
    const code = form.inviteCode.trim();
    if (!code) {
      setErrors((current) => ({ ...current, inviteCode: '请填写社区邀请码' }));
      return null;
    }
    if (community) return community;
    setLooking(true);
    try {
      const found = await api.invites.lookup(code);
      setCommunity(found);
      return found;
    } catch (error) {
      setErrors((current) => ({ ...current, inviteCode: toApiError(error).message }));
      return null;
    } finally {
      setLooking(false);
    }
  };

  const submit = async () => {
    const { errors: found, request } = validateJoin(form);
    setErrors(found);
    if (!request || submitting) return;
    const target = await lookUp();
    if (!target) return;
    setSubmitting(true);
    try {
      await api.communities.join(target.communityId, request);
      await showModal({
        title: '申请已提交',
        content: `已申请加入${target.communityName}，社区工作人员核实后即可使用全部功能。`,
        showCancel: false,
        confirmText: '好的',
      });
      await Taro.switchTab({ url: TAB_PAGES.mine });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === ErrorCode.PrivacyNotAgreed) {
        await Taro.reLaunch({ url: PRIVACY_PAGE });
        return;
      }
      void showToast({ title: apiError.message, icon: 'none', duration: 3000 });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page className="join-page">
      <View className="rv-card">
        <Field label="社区邀请码" error={errors.inviteCode} hint="向社区工作人员索取，或扫描社区的邀请二维码">
          <Input
            value={form.inviteCode}
            placeholder="请输入邀请码"
            clearable
            maxLength={32}
            onChange={(value) => {
              update({ inviteCode: value, compoundId: undefined });
              setCommunity(null);
            }}
            onBlur={() => void lookUp()}
          />
          <Button type="primary" fill="outline" loading={looking} onClick={() => void lookUp()}>
            查找
          </Button>
        </Field>
        {community ? (
          <View className="join-community">
            <Text className="join-community__label">将加入</Text>
            <Text className="join-community__name">{community.communityName}</Text>
          </View>
        ) : null}
      </View>

      <View className="rv-card">
        <Field label="真实姓名" error={errors.realName} hint="仅社区工作人员核实身份时可见">
          <Input
            value={form.realName}
            placeholder="请输入您的姓名"
            clearable
            maxLength={20}
            onChange={(realName) => update({ realName })}
          />
        </Field>
        <Field label="手机号码" error={errors.phone}>
          <Input
            type="tel"
            value={form.phone}
            placeholder="请输入手机号码"
            clearable
            maxLength={16}
            onChange={(phone) => update({ phone })}
          />
        </Field>
        {community?.compounds.length ? (
          <Field label="所在小区（选填）">
            <View className="join-compounds">
              {community.compounds.map((compound) => {
                const selected = form.compoundId === compound.id;
                return (
                  <View
                    key={compound.id}
                    className={`rv-chip${selected ? ' rv-chip--selected' : ''}`}
                    onClick={() => update({ compoundId: selected ? undefined : compound.id })}
                  >
                    {compound.name}
                  </View>
                );
              })}
            </View>
          </Field>
        ) : null}
      </View>

      <View className="join-submit">
        <Button type="primary" size="large" block loading={submitting} onClick={() => void submit()}>
          提交申请
        </Button>
        <Text className="join-submit__note">
          提交即表示您同意按《隐私保护指引》处理以上信息，仅用于社区服务。
        </Text>
      </View>
    </Page>
  );
}
