import { useMemo, useRef, useState } from 'react';
import { View, Text, Picker } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ArrowRight, Plus } from '@nutui/icons-react-taro';
import {
  CONTACT_LIMITS,
  DEMAND_CATEGORIES,
  HOUSEHOLD_FLAG_LABELS,
  HOUSEHOLD_FLAGS,
  HouseholdCard,
  HouseholdFlag,
  VISIT_RESIDENTS_RANGE,
} from '@redvest/contract';
import { Field, FieldBlock } from '../components/Field';
import { Stepper } from '../components/Stepper';
import { PhotoPicker } from '../components/wishes/PhotoPicker';
import { toApiError } from '../hooks/useAsync';
import { api } from '../services/api';
import { chinaDay, formatDate, newIdempotencyKey, writtenMonth } from '../services/format';
import { queueVisit, tryLater } from '../services/offline-visits';
import { DemandRow, toVisitRequest, validateVisit, VisitForm, VisitFormErrors } from './visit-form';
import './choices.scss';
import './household.scss';
import { TextBox } from '../components/TextBox';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

/** A big tappable choice: one of the flags, 是/否, a category, a visitor. */
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

function initialForm(card: HouseholdCard, today: string): VisitForm {
  const last = card.lastVisit;
  return {
    day: today,
    visitorIds: [],
    residents: last?.residents ?? 1,
    rented: last?.rented ?? null,
    moveInMonth: last?.moveInDate?.slice(0, 7) ?? '',
    phone: '',
    flags: last?.flags ?? [],
    notes: '',
    demands: [],
  };
}

function toggled<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** One demand heard at the door: its category, what it is, and up to three photos. */
function DemandFields({
  row,
  index,
  onChange,
  onRemove,
  onUploading,
}: {
  row: DemandRow;
  index: number;
  onChange: (patch: Partial<DemandRow>) => void;
  onRemove: () => void;
  onUploading: (uploading: boolean) => void;
}) {
  return (
    <View className="visit-demand">
      <View className="visit-demand__head">
        <Text className="visit-demand__title">诉求 {index + 1}</Text>
        <View className="visit-demand__remove" role="button" onClick={onRemove}>
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
            onClick={() => onChange({ category })}
          />
        ))}
      </View>
      <TextBox
        className="visit-demand__text"
        value={row.text}
        placeholder="住户反映了什么问题"
        maxLength={CONTACT_LIMITS.demandText.max}
        onChange={(text) => onChange({ text })}
      />
      <PhotoPicker onChange={(photoIds) => onChange({ photoIds })} onUploadingChange={onUploading} />
    </View>
  );
}

/**
 * 入户走访: filled on the doorstep, sent with one key; without a network it waits on the phone (待上传).
 * `meId` keeps the caller out of the 同行走访 choices: the server counts them as a visitor anyway.
 */
export function VisitFormCard({
  card,
  meId,
  onDone,
}: {
  card: HouseholdCard;
  meId: string | undefined;
  onDone: () => void;
}) {
  const today = useMemo(() => chinaDay(new Date()), []);
  const [form, setForm] = useState<VisitForm>(() => initialForm(card, today));
  const [errors, setErrors] = useState<VisitFormErrors>({});
  const [key, setKey] = useState(() => newIdempotencyKey('visit'));
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState<Record<number, boolean>>({});
  const nextRow = useRef(0);
  const companions = (card.group?.members ?? []).filter((member) => member.userId !== meId);
  const update = (patch: Partial<VisitForm>) => setForm((current) => ({ ...current, ...patch }));
  const setDemand = (rowKey: number, patch: Partial<DemandRow>) =>
    setForm((current) => ({
      ...current,
      demands: current.demands.map((row) => (row.key === rowKey ? { ...row, ...patch } : row)),
    }));
  const busyUploading = Object.values(uploading).some(Boolean);
  const moveIn = form.moveInMonth ? writtenMonth(form.moveInMonth) : '点此选择年月';

  const reset = () => {
    setForm(initialForm(card, today));
    setKey(newIdempotencyKey('visit'));
    setUploading({});
  };

  const submit = async () => {
    const found = validateVisit(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = toVisitRequest(form, today);
    setSending(true);
    try {
      await api.contact.visit(card.id, body, key);
      void showToast({ title: '走访已登记', icon: 'success' });
      reset();
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      if (tryLater(error)) {
        queueVisit({ key, householdId: card.id, label: card.label, body });
        void showModal({
          title: '已保存在手机上',
          content: '现在网络不好，这次走访已保存为“待上传”，网络恢复后会自动上传。',
          showCancel: false,
          confirmText: '知道了',
        });
        reset();
      } else {
        void showModal({ title: '没有登记成功', content: error.message, showCancel: false });
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
          className="visit-form__picker"
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
      {companions.length ? (
        <FieldBlock label="同行走访（可多选）">
          <View className="visit-choices" role="group" aria-label="同行走访">
            {companions.map((member) => (
              <Choice
                key={member.userId}
                label={member.name}
                checked={form.visitorIds.includes(member.userId)}
                onClick={() => update({ visitorIds: toggled(form.visitorIds, member.userId) })}
              />
            ))}
          </View>
        </FieldBlock>
      ) : null}
      <FieldBlock label="常住人数">
        <Stepper
          value={form.residents}
          min={VISIT_RESIDENTS_RANGE.min}
          max={VISIT_RESIDENTS_RANGE.max}
          onChange={(residents) => update({ residents })}
        />
      </FieldBlock>
      <FieldBlock label="是否出租">
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
      </FieldBlock>
      <Field label="入住时间（选填）">
        <Picker
          className="visit-form__picker"
          mode="date"
          fields="month"
          value={form.moveInMonth || today.slice(0, 7)}
          end={today.slice(0, 7)}
          onChange={(event) => update({ moveInMonth: event.detail.value.slice(0, 7) })}
        >
          <View className="visit-form__pick" role="button" aria-label={`入住时间：${moveIn}`}>
            <Text>{moveIn}</Text>
            <ArrowRight size={16} />
          </View>
        </Picker>
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
      <FieldBlock label="重点关注（可多选）">
        <View className="visit-choices">
          {HOUSEHOLD_FLAGS.map((flag: HouseholdFlag) => (
            <Choice
              key={flag}
              label={HOUSEHOLD_FLAG_LABELS[flag]}
              checked={form.flags.includes(flag)}
              onClick={() => update({ flags: toggled(form.flags, flag) })}
            />
          ))}
        </View>
      </FieldBlock>
      <FieldBlock label="走访情况（选填）" error={errors.notes}>
        <TextBox
          value={form.notes}
          placeholder="家里情况、需要留意的事"
          maxLength={CONTACT_LIMITS.visitNotes.max}
          onChange={(notes) => update({ notes })}
        />
      </FieldBlock>
      {form.demands.map((row, index) => (
        <DemandFields
          key={row.key}
          row={row}
          index={index}
          onChange={(patch) => setDemand(row.key, patch)}
          onRemove={() => {
            update({ demands: form.demands.filter((other) => other.key !== row.key) });
            setUploading((current) => ({ ...current, [row.key]: false }));
          }}
          onUploading={(busy) => setUploading((current) => ({ ...current, [row.key]: busy }))}
        />
      ))}
      {errors.demands ? <Text className="visit-form__error">{errors.demands}</Text> : null}
      <Button
        className="visit-form__add"
        size="large"
        block
        icon={<Plus size={16} />}
        onClick={() =>
          update({
            demands: [...form.demands, { key: nextRow.current++, category: '', text: '', photoIds: [] }],
          })
        }
      >
        添加诉求
      </Button>
      <Button
        type="primary"
        size="large"
        block
        loading={sending}
        disabled={busyUploading}
        onClick={() => void submit()}
      >
        {busyUploading ? '照片上传中…' : '登记走访'}
      </Button>
    </View>
  );
}
