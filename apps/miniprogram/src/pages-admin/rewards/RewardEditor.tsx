import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { REWARD_LIMITS, RewardView } from '@redvest/contract';
import { Field, FieldBlock } from '../../components/Field';
import { toApiError } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { formOf, RewardErrors, RewardForm, validateReward } from './validate';
import { TextBox } from '../../components/TextBox';
import { showToast } from '../../services/toast';

/** Adds a reward (without `reward`) or changes one: name, cost, stock and a short description. */
export function RewardEditor({
  cid,
  reward,
  onSaved,
  onCancel,
}: {
  cid: string;
  reward?: RewardView;
  onSaved: (reward: RewardView) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<RewardForm>(() => formOf(reward));
  const [errors, setErrors] = useState<RewardErrors>({});
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<RewardForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const { errors: found, request } = validateReward(form);
    setErrors(found);
    if (!request || saving) return;
    setSaving(true);
    try {
      const saved = reward
        ? // An emptied description is sent too, so it is cleared.
          await api.rewards.update(reward.id, { ...request, description: request.description ?? '' })
        : await api.rewards.create(cid, request);
      void showToast({ title: reward ? '已保存' : '已上架', icon: 'success' });
      onSaved(saved);
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="reward-editor">
      <Text className="reward-editor__title">{reward ? '修改商品' : '添加商品'}</Text>
      <Field label="商品名称" error={errors.name}>
        <Input
          value={form.name}
          placeholder="如：东北大米 5kg"
          maxLength={REWARD_LIMITS.name.max}
          clearable
          onChange={(name) => update({ name })}
        />
      </Field>
      <Field label="兑换所需积分" error={errors.cost}>
        <Input
          type="number"
          value={form.cost}
          placeholder="如：100"
          maxLength={6}
          onChange={(cost) => update({ cost })}
        />
      </Field>
      <Field label="库存（件）" error={errors.stock} hint="补货时在这里改成现有数量">
        <Input
          type="number"
          value={form.stock}
          placeholder="如：30"
          maxLength={6}
          onChange={(stock) => update({ stock })}
        />
      </Field>
      <FieldBlock label="说明（选填）" error={errors.description}>
        <TextBox
          value={form.description}
          placeholder="如：社区服务站领取，每月补货"
          maxLength={REWARD_LIMITS.description.max}
          onChange={(description) => update({ description })}
        />
      </FieldBlock>
      <View className="rv-actions">
        <Button size="large" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" size="large" loading={saving} onClick={() => void save()}>
          {reward ? '保存' : '上架'}
        </Button>
      </View>
    </View>
  );
}
