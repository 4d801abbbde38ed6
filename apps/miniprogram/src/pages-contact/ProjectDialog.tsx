import { useState } from 'react';
import { View, Text, Picker } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import {
  CONTACT_LIMITS,
  CreateServiceProjectRequest,
  DemandView,
  MemberView,
  Role,
  SERVICE_MODE_LABELS,
  ServiceMode,
  ServiceProjectView,
} from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { Choices } from '../components/Choices';
import { Field, FieldBlock } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { memberName } from '../components/members';
import { MemberPicker } from '../components/wishes/MemberPicker';
import { AsyncState, useAsync } from '../hooks/useAsync';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../services/api';
import { resourceLabel } from './ResourcesTab';
import { TextBox } from '../components/TextBox';
import { showToast } from '../services/toast';

const MODE_NOTES: Record<ServiceMode, string> = {
  resident_order: '居民点名要的服务',
  community_dispatch: '社区指定一位党员或志愿者来办',
  member_take: '发布出来，党员自愿接单',
};

const MODES = (Object.keys(SERVICE_MODE_LABELS) as ServiceMode[]).map((key) => ({
  key,
  label: SERVICE_MODE_LABELS[key],
  note: MODE_NOTES[key],
}));

const OPEN_DEMANDS = new Set(['reported', 'accepted', 'in_progress']);

function demandLabel(demand: DemandView): string {
  const text = demand.text.length > 18 ? `${demand.text.slice(0, 18)}…` : demand.text;
  return `${demand.category}：${text}`;
}

/** A tappable line showing what is chosen (or, greyed, that nothing is), with an arrow. */
function PickRow({
  label,
  text,
  chosen,
  onClick,
}: {
  label: string;
  text: string;
  chosen: boolean;
  onClick?: () => void;
}) {
  return (
    <View className="link-picker" role="button" aria-label={`${label}：${text}`} onClick={onClick}>
      <Text className={`link-picker__text${chosen ? '' : ' link-picker__text--none'}`}>{text}</Text>
      <ArrowRight size={16} />
    </View>
  );
}

/** One optional link of the project (the demand it answers, the resource it uses), picked from a list. */
function LinkPicker<T extends { id: string }>({
  label,
  state,
  describe,
  value,
  onChange,
}: {
  label: string;
  state: Pick<AsyncState<{ items: T[] }>, 'data' | 'loading' | 'error' | 'reload'>;
  describe: (item: T) => string;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const items = state.data?.items ?? [];
  const chosen = items.find((item) => item.id === value);
  const row = (text: string, onClick?: () => void) => (
    <PickRow label={label} text={text} chosen={!!chosen} onClick={onClick} />
  );
  let control;
  if (state.loading) control = row('正在加载…');
  else if (state.error) control = row('没有加载出来，点此重试', () => void state.reload());
  else if (!items.length) control = row('暂无可选');
  else
    control = (
      <Picker
        className="link-picker__wrap"
        mode="selector"
        range={['不关联', ...items.map(describe)]}
        value={chosen ? items.indexOf(chosen) + 1 : 0}
        onChange={(event) => {
          const index = Number(event.detail.value);
          onChange(index > 0 ? items[index - 1].id : undefined);
        }}
      >
        {row(chosen ? describe(chosen) : '不关联（点此选择）')}
      </Picker>
    );
  return (
    <Field label={label} hint="选填">
      {control}
    </Field>
  );
}

/** 新建项目 (secretaries and branch secretaries): what, how it is taken, and what it answers and uses. */
export function ProjectDialog({
  cid,
  demandId: answering,
  onDone,
  onCancel,
}: {
  cid: string;
  /** The demand it answers, chosen already (诉求转为服务项目). */
  demandId?: string;
  onDone: (project: ServiceProjectView) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<ServiceMode>();
  const [demandId, setDemandId] = useState<string | undefined>(answering);
  const [resourceId, setResourceId] = useState<string>();
  const [taker, setTaker] = useState<MemberView | null>(null);
  const [picking, setPicking] = useState(false);
  const { busy, submit: send } = useSubmit('没有建立成功');
  const resources = useAsync(() => api.contact.resources(cid), [cid]);
  const demands = useAsync(async () => {
    const page = await api.contact.demands(cid, { limit: 50 });
    return { items: page.items.filter((demand) => OPEN_DEMANDS.has(demand.status)) };
  }, [cid]);

  const dispatch = mode === 'community_dispatch';

  const submit = async () => {
    if (!mode) return;
    const body: CreateServiceProjectRequest = { title: title.trim(), mode };
    if (description.trim()) body.description = description.trim();
    if (demandId) body.demandId = demandId;
    if (resourceId) body.resourceId = resourceId;
    if (dispatch && taker) body.takerId = taker.userId;
    await send(async () => {
      const project = await api.contact.createProject(cid, body);
      void showToast({ title: '项目已建立', icon: 'success' });
      onDone(project);
    });
  };

  if (picking) {
    return (
      <MemberPicker
        cid={cid}
        title="派给"
        hint="选一位党员或志愿者来办这个项目"
        eligible={(member) => effectiveRoles(member.roles).has(Role.Volunteer)}
        onClose={() => setPicking(false)}
        onPick={(member) => {
          setTaker(member);
          setPicking(false);
        }}
      />
    );
  }

  return (
    <FormDialog
      title="新建项目"
      confirmText="建立项目"
      busy={busy}
      disabled={!title.trim() || !mode || (dispatch && !taker)}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <Field label="项目名称">
        <Input
          value={title}
          placeholder="如：为独居老人更换水管"
          maxLength={CONTACT_LIMITS.projectTitle.max}
          clearable
          onChange={setTitle}
        />
      </Field>
      <FieldBlock label="说明（选填）">
        <TextBox
          value={description}
          placeholder="要做什么、在哪里、什么时间"
          maxLength={CONTACT_LIMITS.projectDescription.max}
          onChange={setDescription}
        />
      </FieldBlock>
      <Choices label="怎么办" items={MODES} value={mode} column onChange={setMode} />
      {dispatch ? (
        <Field label="派给">
          <PickRow
            label="选择成员"
            text={taker ? memberName(taker) : '请选择成员'}
            chosen={!!taker}
            onClick={() => setPicking(true)}
          />
        </Field>
      ) : null}
      <LinkPicker
        label="对应的诉求"
        state={demands}
        describe={demandLabel}
        value={demandId}
        onChange={setDemandId}
      />
      <LinkPicker
        label="使用的资源"
        state={resources}
        describe={resourceLabel}
        value={resourceId}
        onChange={setResourceId}
      />
    </FormDialog>
  );
}
