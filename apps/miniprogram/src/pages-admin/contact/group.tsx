import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ContactGroupView } from '@redvest/contract';
import { Choices } from '../../components/Choices';
import { Field, FieldBlock } from '../../components/Field';
import { InlineRetry } from '../../components/InlineRetry';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { queryParam } from '../../services/routes';
import {
  emptyGroupForm,
  formOfGroup,
  GroupErrors,
  GroupForm,
  groupUpdate,
  MAX_NAME,
  toggleMember,
  validateGroup,
} from './group-form';
import { activeGroup } from './find-group';
import { MemberChooser } from './MemberChooser';
import './group.scss';
import { showToast } from '../../services/toast';

/** 所在小区: the community's compounds, with 不指定 first. */
function CompoundChoice({
  cid,
  value,
  onChange,
}: {
  cid: string;
  value: string;
  onChange: (compoundId: string) => void;
}) {
  const label = '所在小区（选填）';
  const compounds = useAsync(() => api.communities.compounds(cid), [cid]);
  if (compounds.loading || compounds.error) {
    return (
      <FieldBlock label={label}>
        {compounds.error ? (
          <InlineRetry error={compounds.error} onRetry={() => void compounds.reload()} />
        ) : (
          <Text className="rv-muted">正在加载小区…</Text>
        )}
      </FieldBlock>
    );
  }
  return (
    <Choices
      label={label}
      items={[
        { key: '', label: '不指定' },
        ...(compounds.data?.items ?? []).map((compound) => ({ key: compound.id, label: compound.name })),
      ]}
      value={value}
      onChange={onChange}
    />
  );
}

function GroupEditor({
  cid,
  group,
  maxMembers,
}: {
  cid: string;
  group?: ContactGroupView;
  maxMembers: number;
}) {
  const [form, setForm] = useState<GroupForm>(() => (group ? formOfGroup(group) : emptyGroupForm()));
  const [errors, setErrors] = useState<GroupErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setProblem(null);
    const { errors: found, request } = validateGroup(form, maxMembers, group?.members);
    setErrors(found);
    if (!request) return;
    setSaving(true);
    try {
      if (group) {
        const update = groupUpdate(request, group);
        if (Object.keys(update).length) await api.contact.updateGroup(group.id, update);
      } else {
        await api.contact.createGroup(cid, request);
      }
      void showToast({ title: group ? '已保存' : '已创建', icon: 'success' });
      void Taro.navigateBack();
    } catch (caught) {
      const error = toApiError(caught);
      setProblem(error.message);
      void showToast({ title: error.message, icon: 'none', duration: 3000 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="group-form">
      <View className="rv-card">
        <Field label="小组名称" error={errors.name}>
          <Input
            value={form.name}
            placeholder="如：阳光里1栋党员小组"
            maxLength={MAX_NAME}
            clearable
            onChange={(name) => setForm((current) => ({ ...current, name }))}
          />
        </Field>
        <CompoundChoice
          cid={cid}
          value={form.compoundId}
          onChange={(compoundId) => setForm((current) => ({ ...current, compoundId }))}
        />
      </View>

      <View className="rv-card">
        <FieldBlock
          label={`小组成员（已选 ${form.members.length} 人）`}
          error={errors.members}
          hint={`从在职党员中点选，最多 ${maxMembers} 人`}
        >
          <MemberChooser
            cid={cid}
            selected={form.members}
            max={maxMembers}
            onToggle={(member) => {
              setForm((current) => toggleMember(current, member));
              setErrors((current) => ({ ...current, members: undefined }));
            }}
          />
        </FieldBlock>
      </View>

      <View className="rv-card">
        <Choices
          label="组长"
          items={form.members.map((member) => ({ key: member.userId, label: member.name }))}
          value={form.leaderId || undefined}
          onChange={(leaderId) => {
            setForm((current) => ({ ...current, leaderId }));
            setErrors((current) => ({ ...current, leader: undefined }));
          }}
        />
        <Text className={`group-form__leader-note ${errors.leader ? 'rv-field__error' : 'rv-field__hint'}`}>
          {errors.leader ?? (form.members.length ? '从已选的成员中点选一人' : '请先在上面选择小组成员')}
        </Text>
      </View>

      {problem ? (
        <View className="group-form__problem" role="alert">
          {problem}
        </View>
      ) : null}
      <View className="group-form__submit">
        <Button type="primary" size="large" block loading={saving} onClick={() => void save()}>
          {group ? '保存修改' : '创建小组'}
        </Button>
      </View>
    </View>
  );
}

/** 新建小组 (`?cid=`) or 修改小组 (`&groupId=` too). */
export default function ContactGroupPage() {
  useRequireLogin();
  const params = useRouter().params;
  const cid = queryParam(params, 'cid') ?? '';
  const groupId = queryParam(params, 'groupId');
  const existing = useAsync(() => activeGroup(cid, groupId ?? ''), [cid, groupId], { skip: !groupId });
  const settings = useAsync(() => api.contact.settings(cid), [cid]);

  useEffect(() => {
    if (groupId) void Taro.setNavigationBarTitle({ title: '修改小组' });
  }, [groupId]);

  const body = () => {
    if (settings.loading || existing.loading) return <LoadingState cards={3} rows={2} />;
    if (settings.error || !settings.data)
      return <ErrorState error={settings.error ?? new Error('没有数据')} onRetry={settings.reload} />;
    const maxMembers = settings.data.contactGroupSize;
    if (!groupId) return <GroupEditor cid={cid} maxMembers={maxMembers} />;
    if (existing.error || !existing.data)
      return <ErrorState error={existing.error ?? new Error('没有数据')} onRetry={existing.reload} />;
    return <GroupEditor key={existing.data.id} cid={cid} group={existing.data} maxMembers={maxMembers} />;
  };

  return <Page className="contact-group-page">{body()}</Page>;
}
