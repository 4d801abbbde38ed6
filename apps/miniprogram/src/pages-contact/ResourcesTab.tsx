import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Service } from '@nutui/icons-react-taro';
import {
  CONTACT_LIMITS,
  OfferResourceRequest,
  RESOURCE_KIND_LABELS,
  ResourceKind3,
  ResourceView,
} from '@redvest/contract';
import { Badge } from '../components/Badge';
import { Choices } from '../components/Choices';
import { Field, FieldBlock } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { SwitchRow } from '../components/SwitchRow';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { usePagedList } from '../hooks/usePagedList';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../services/api';
import { formatDate } from '../services/format';
import { TextBox } from '../components/TextBox';
import { showToast } from '../services/toast';

export const KIND_CHOICES = (Object.keys(RESOURCE_KIND_LABELS) as ResourceKind3[]).map((key) => ({
  key,
  label: RESOURCE_KIND_LABELS[key],
}));

/** A short name for a resource, as pickers show it: `技能·水电维修（张建国）`. */
export function resourceLabel(resource: ResourceView): string {
  return `${RESOURCE_KIND_LABELS[resource.kind]}·${resource.title}（${resource.employer ?? resource.offeredBy}）`;
}

/** 登记资源: what I (or my employer) can offer the community. */
function OfferDialog({
  cid,
  employer,
  onDone,
  onCancel,
}: {
  cid: string;
  employer?: string;
  onDone: (resource: ResourceView) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<ResourceKind3>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [byEmployer, setByEmployer] = useState(false);
  const { busy, submit: send } = useSubmit('没有登记成功');

  const submit = async () => {
    if (!kind) return;
    const body: OfferResourceRequest = { kind, title: title.trim() };
    if (description.trim()) body.description = description.trim();
    if (employer && byEmployer) body.byEmployer = true;
    await send(async () => {
      const resource = await api.contact.offerResource(cid, body);
      void showToast({ title: '资源已登记', icon: 'success' });
      onDone(resource);
    });
  };

  return (
    <FormDialog
      title="登记资源"
      confirmText="登记"
      busy={busy}
      disabled={!kind || !title.trim()}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <Choices label="资源类型" items={KIND_CHOICES} value={kind} onChange={setKind} />
      <Field label="资源名称">
        <Input
          value={title}
          placeholder="如：水电维修、法律咨询"
          maxLength={CONTACT_LIMITS.resourceTitle.max}
          clearable
          onChange={setTitle}
        />
      </Field>
      <FieldBlock label="说明（选填）">
        <TextBox
          value={description}
          placeholder="什么时间、在哪里、能提供多少"
          maxLength={CONTACT_LIMITS.resourceDescription.max}
          onChange={setDescription}
        />
      </FieldBlock>
      {employer ? (
        <SwitchRow
          title="以原单位名义"
          note={`登记为“${employer}”提供的资源`}
          checked={byEmployer}
          onChange={setByEmployer}
        />
      ) : null}
    </FormDialog>
  );
}

function ResourceCard({ resource }: { resource: ResourceView }) {
  return (
    <View className="rv-card list-card">
      <View className="list-card__head">
        <Badge tone="red">{RESOURCE_KIND_LABELS[resource.kind]}</Badge>
        <Text className="list-card__title">{resource.title}</Text>
      </View>
      {resource.description ? <Text className="list-card__text">{resource.description}</Text> : null}
      <Text className="list-card__meta">提供人：{resource.offeredBy}</Text>
      {resource.employer ? <Text className="list-card__meta">所在单位：{resource.employer}</Text> : null}
      <Text className="list-card__meta">登记时间：{formatDate(resource.createdAt)}</Text>
    </View>
  );
}

/** 资源单: the skills, time, money and goods members and their units offer; party members add theirs. */
export function ResourcesTab({
  cid,
  canOffer,
  employer,
}: {
  cid: string;
  canOffer: boolean;
  employer?: string;
}) {
  const resources = usePagedList((cursor) => api.contact.resources(cid, { cursor, limit: 20 }), [cid]);
  const [offering, setOffering] = useState(false);
  const items = resources.items;

  const body = () => {
    if (resources.loading) return <LoadingState cards={2} rows={2} />;
    if (resources.error) return <ErrorState error={resources.error} onRetry={resources.reload} />;
    if (!items.length) {
      return (
        <EmptyState
          icon={<Service size={48} />}
          title="还没有登记的资源"
          description={canOffer ? '您有什么技能、时间或物资可以帮助居民，点上面的按钮登记。' : undefined}
        />
      );
    }
    return (
      <>
        {items.map((resource) => (
          <ResourceCard key={resource.id} resource={resource} />
        ))}
        <ListFooter loading={resources.loadingMore} done={!resources.hasMore} />
      </>
    );
  };

  return (
    <>
      {canOffer ? (
        <View className="lists-action">
          <Button type="primary" size="large" block onClick={() => setOffering(true)}>
            登记资源
          </Button>
        </View>
      ) : null}
      {body()}
      {offering ? (
        <OfferDialog
          cid={cid}
          employer={employer}
          onCancel={() => setOffering(false)}
          onDone={(resource) => {
            setOffering(false);
            resources.updateItems((current) => [resource, ...current]);
          }}
        />
      ) : null}
    </>
  );
}
