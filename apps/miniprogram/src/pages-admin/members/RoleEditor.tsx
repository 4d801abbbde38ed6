import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Checkbox, CheckboxGroup, Input } from '@nutui/nutui-react-taro';
import { ALL_ROLES, MemberView, Role, ROLE_LABELS } from '@redvest/contract';
import { effectiveRoles, sortRoles } from '@redvest/domain';
import { InlineRetry } from '../../components/InlineRetry';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { showToast } from '../../services/toast';

const ROLE_HINTS: Record<Role, string> = {
  [Role.Resident]: '社区居民，可发布心愿',
  [Role.Volunteer]: '志愿服务队成员，可签到积分',
  [Role.PartyMember]: '双报到党员，需填写原单位',
  [Role.GroupLeader]: '包联小组组长',
  [Role.BranchSecretary]: '负责一个小区，需选择小区',
  [Role.Secretary]: '管理整个社区',
};

/** Sets a member's roles (replacing the old set), employer and, for a branch secretary, the compound. */
export function RoleEditor({
  cid,
  member,
  onSaved,
  onCancel,
}: {
  cid: string;
  member: MemberView;
  onSaved: (member: MemberView) => void;
  onCancel: () => void;
}) {
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [employer, setEmployer] = useState(member.employer ?? '');
  const [compoundId, setCompoundId] = useState(member.branchCompounds[0]?.id ?? member.compound?.id ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const isBranchSecretary = roles.includes(Role.BranchSecretary);
  const compounds = useAsync(() => api.communities.compounds(cid), [cid], { skip: !isBranchSecretary });
  const needsEmployer = effectiveRoles(roles).has(Role.PartyMember);

  const save = async () => {
    if (!roles.length) return setProblem('请至少选择一个角色');
    if (isBranchSecretary && !compoundId) return setProblem('小区党支部书记需要选择所在小区');
    setProblem(null);
    setSaving(true);
    try {
      const saved = await api.communities.setMember(cid, {
        userId: member.userId,
        roles: sortRoles(roles),
        ...(employer.trim() ? { employer: employer.trim() } : {}),
        ...(isBranchSecretary ? { compoundId } : {}),
      });
      void showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="role-editor">
      <Text className="role-editor__title">设置角色（可多选）</Text>
      <CheckboxGroup value={roles} onChange={(value) => setRoles(value as Role[])}>
        {sortRoles(ALL_ROLES).map((role) => (
          <View className="role-editor__option" key={role}>
            <Checkbox value={role} label={ROLE_LABELS[role]} />
            <Text className="role-editor__hint">{ROLE_HINTS[role]}</Text>
          </View>
        ))}
      </CheckboxGroup>

      {isBranchSecretary ? (
        <View className="role-editor__field">
          <Text className="role-editor__label">负责的小区</Text>
          {compounds.loading ? (
            <Text className="rv-muted">正在加载小区…</Text>
          ) : compounds.error ? (
            <InlineRetry error={compounds.error} onRetry={() => void compounds.reload()} />
          ) : (
            <View className="role-editor__chips">
              {(compounds.data?.items ?? []).map((compound) => (
                <View
                  key={compound.id}
                  className={`rv-chip${compoundId === compound.id ? ' rv-chip--selected' : ''}`}
                  onClick={() => setCompoundId(compound.id)}
                >
                  {compound.name}
                </View>
              ))}
            </View>
          )}
        </View>
      ) : null}

      {needsEmployer ? (
        <View className="role-editor__field">
          <Text className="role-editor__label">原单位党组织</Text>
          <View className="role-editor__input">
            <Input
              value={employer}
              placeholder="如：襄阳市某某局机关党委"
              maxLength={64}
              clearable
              onChange={setEmployer}
            />
          </View>
        </View>
      ) : null}

      {problem ? <Text className="role-editor__problem">{problem}</Text> : null}
      <View className="rv-actions">
        <Button size="large" disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" size="large" loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
