import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Picker } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { ArrowRight, Plus } from '@nutui/icons-react-taro';
import {
  HOUSEHOLD_FLAG_LABELS,
  HOUSEHOLD_FLAGS,
  HouseholdCard,
  HouseholdFlag,
  VisitView,
} from '@redvest/contract';
import { Badge } from '../../components/Badge';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { Stepper } from '../../components/Stepper';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { toApiError, useAsync, usePullToRefresh } from '../../hooks/useAsync';
import { useRequireLogin } from '../../hooks/useMe';
import { api } from '../../services/api';
import { chinaDay, formatDate, newIdempotencyKey } from '../../services/format';
import { queueVisit, tryLater } from '../../services/offline-visits';
import { queryParam } from '../../services/routes';
import { DEMAND_CATEGORIES, toVisitRequest, validateVisit, VisitForm, VisitFormErrors } from './visit-form';
import './choices.scss';
import './household.scss';

/** A big tappable choice: one of the flags, 是/否, a category. */
function Choice({
  label,
  checked,
  radio,
  onClick,
}: {
  label: string;
  checked: boolean;
  radio?: boolean;
  onClick: () => void;
}) {
  return (
    <View
      className={`visit-choice${checked ? ' visit-choice--on' : ''}`}
      role={radio ? 'radio' : 'checkbox'}
      aria-checked={checked}
      onClick={onClick}
    >
      {label}
    </View>
  );
}

function VisitItem({ visit }: { visit: VisitView }) {
  const facts = [
    visit.residents !== null ? `常住 ${visit.residents} 人` : null,
    visit.rented === null ? null : visit.rented ? '租户' : '自住',
    visit.phone ? `电话 ${visit.phone}` : null,
  ].filter(Boolean);
  return (
    <View className="visit-item">
      <Text className="visit-item__date">{formatDate(visit.visitedAt)}</Text>
      {facts.length ? <Text className="visit-item__facts">{facts.join(' · ')}</Text> : null}
      {visit.flags.length ? (
        <View className="rv-tags">
          {visit.flags.map((flag) => (
            <Badge key={flag} tone="orange">
              {HOUSEHOLD_FLAG_LABELS[flag]}
            </Badge>
          ))}
        </View>
      ) : null}
      {visit.notes ? <Text className="visit-item__notes">{visit.notes}</Text> : null}
    </View>
  );
}

function initialForm(card: HouseholdCard | undefined, today: string): VisitForm {
  const last = card?.lastVisit;
  return {
    day: today,
    residents: last?.residents ?? 1,
    rented: last?.rented ?? null,
    phone: '',
    flags: last?.flags ?? [],
    notes: '',
    demands: [],
  };
}

/** 入户走访: filled on the doorstep, sent with one key; without a network it waits on the phone (待上传). */
function VisitFormCard({ card, onDone }: { card: HouseholdCard; onDone: () => void }) {
  const today = useMemo(() => chinaDay(new Date()), []);
  const [form, setForm] = useState<VisitForm>(() => initialForm(card, today));
  const [errors, setErrors] = useState<VisitFormErrors>({});
  const [key, setKey] = useState(() => newIdempotencyKey('visit'));
  const [sending, setSending] = useState(false);
  const update = (patch: Partial<VisitForm>) => setForm((current) => ({ ...current, ...patch }));
  const toggleFlag = (flag: HouseholdFlag) =>
    update({
      flags: form.flags.includes(flag) ? form.flags.filter((f) => f !== flag) : [...form.flags, flag],
    });
  const setDemand = (index: number, patch: Partial<VisitForm['demands'][number]>) =>
    update({ demands: form.demands.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  const submit = async () => {
    const found = validateVisit(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = toVisitRequest(form, today);
    setSending(true);
    try {
      await api.contact.visit(card.id, body, key);
      void Taro.showToast({ title: '走访已登记', icon: 'success' });
      setForm(initialForm(card, today));
      setKey(newIdempotencyKey('visit'));
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      if (tryLater(error)) {
        queueVisit({ key, householdId: card.id, label: card.label, body });
        void Taro.showModal({
          title: '已保存在手机上',
          content: '现在网络不好，这次走访已保存为“待上传”，网络恢复后会自动上传。',
          showCancel: false,
          confirmText: '知道了',
        });
        setForm(initialForm(card, today));
        setKey(newIdempotencyKey('visit'));
      } else {
        void Taro.showModal({ title: '没有登记成功', content: error.message, showCancel: false });
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="rv-card visit-form">
      <Text className="rv-section-title">入户走访</Text>
      <Field label="走访日期">
        <Picker
          mode="date"
          value={form.day}
          end={today}
          onChange={(event) => update({ day: event.detail.value })}
        >
          <View className="visit-form__pick" role="button">
            <Text>{form.day === today ? `今天（${formatDate(form.day)}）` : formatDate(form.day)}</Text>
            <ArrowRight size={16} />
          </View>
        </Picker>
      </Field>
      <Field label="常住人数">
        <Stepper value={form.residents} min={0} max={30} onChange={(residents) => update({ residents })} />
      </Field>
      <Field label="是否出租">
        <View className="visit-choices" role="radiogroup">
          <Choice
            radio
            label="自住"
            checked={form.rented === false}
            onClick={() => update({ rented: false })}
          />
          <Choice
            radio
            label="出租"
            checked={form.rented === true}
            onClick={() => update({ rented: true })}
          />
        </View>
      </Field>
      <Field label="联系电话（选填）" error={errors.phone}>
        <Input
          type="tel"
          value={form.phone}
          placeholder="住户的手机号"
          maxLength={20}
          clearable
          onChange={(phone) => update({ phone })}
        />
      </Field>
      <Field label="重点关注（可多选）">
        <View className="visit-choices">
          {HOUSEHOLD_FLAGS.map((flag) => (
            <Choice
              key={flag}
              label={HOUSEHOLD_FLAG_LABELS[flag]}
              checked={form.flags.includes(flag)}
              onClick={() => toggleFlag(flag)}
            />
          ))}
        </View>
      </Field>
      <Field label="走访情况（选填）">
        <TextArea
          value={form.notes}
          placeholder="家里情况、需要留意的事"
          maxLength={1000}
          autoSize
          onChange={(notes) => update({ notes })}
        />
      </Field>
      {form.demands.map((row, index) => (
        <View key={index} className="visit-demand">
          <View className="visit-demand__head">
            <Text className="visit-demand__title">诉求 {index + 1}</Text>
            <View
              className="visit-demand__remove"
              role="button"
              onClick={() => update({ demands: form.demands.filter((_, i) => i !== index) })}
            >
              删除
            </View>
          </View>
          <View className="visit-choices" role="radiogroup" aria-label="诉求类别">
            {DEMAND_CATEGORIES.map((category) => (
              <Choice
                radio
                key={category}
                label={category}
                checked={row.category === category}
                onClick={() => setDemand(index, { category })}
              />
            ))}
          </View>
          <TextArea
            className="visit-demand__text"
            value={row.text}
            placeholder="住户反映了什么问题"
            maxLength={500}
            autoSize
            onChange={(text) => setDemand(index, { text })}
          />
        </View>
      ))}
      {errors.demands ? <Text className="visit-form__error">{errors.demands}</Text> : null}
      <Button
        className="visit-form__add"
        size="large"
        block
        icon={<Plus size={16} />}
        onClick={() => update({ demands: [...form.demands, { category: '', text: '' }] })}
      >
        添加诉求
      </Button>
      <Button type="primary" size="large" block loading={sending} onClick={() => void submit()}>
        登记走访
      </Button>
    </View>
  );
}

/** 住户卡片: the household, its group, its last visit and history, and the 入户走访 form. */
export default function HouseholdPage() {
  useRequireLogin();
  const id = queryParam(useRouter().params, 'id');
  const card = useAsync(() => api.contact.household(id ?? ''), [id], { skip: !id });
  usePullToRefresh(card.reload);

  if (!id)
    return (
      <Page>
        <EmptyState title="没有找到这户住户" />
      </Page>
    );
  if (card.loading)
    return (
      <Page>
        <LoadingState cards={2} rows={3} />
      </Page>
    );
  if (card.error || !card.data) {
    return (
      <Page>
        <ErrorState error={card.error ?? new Error('没有数据')} onRetry={card.reload} />
      </Page>
    );
  }
  const household = card.data;
  return (
    <Page className="household-page">
      <View className="rv-card household-head">
        <View className="household-head__title">
          <Text className="household-head__label">{household.label}</Text>
          {household.overdue ? <Badge tone="red">逾期</Badge> : <Badge tone="green">已按时走访</Badge>}
        </View>
        <Text className="household-head__line">包户小组：{household.group?.name ?? '尚未分配'}</Text>
        <Text className="household-head__line">
          上次走访：{household.lastVisit ? formatDate(household.lastVisit.visitedAt) : '从未走访'}
        </Text>
      </View>
      <VisitFormCard card={household} onDone={() => void card.reload()} />
      <View className="rv-card">
        <Text className="rv-section-title">走访记录</Text>
        {household.visits.length ? (
          household.visits.map((visit) => <VisitItem key={visit.id} visit={visit} />)
        ) : (
          <Text className="rv-muted">还没有走访记录</Text>
        )}
      </View>
    </Page>
  );
}
