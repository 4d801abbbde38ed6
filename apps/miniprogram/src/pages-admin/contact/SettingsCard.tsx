import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CONTACT_GROUP_SIZE_RANGE, ContactSettings, VISIT_OVERDUE_DAYS_RANGE } from '@redvest/contract';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Stepper } from '../../components/Stepper';
import { useSubmit } from '../../hooks/useSubmit';
import { api } from '../../services/api';
import { showToast } from '../../services/toast';

/** The overdue period moves in weeks: nobody sets 93 days. */
const DAYS_STEP = 7;

function SettingsDialog({
  cid,
  settings,
  onSaved,
  onCancel,
}: {
  cid: string;
  settings: ContactSettings;
  onSaved: (settings: ContactSettings) => void;
  onCancel: () => void;
}) {
  const [size, setSize] = useState(settings.contactGroupSize);
  const [days, setDays] = useState(settings.visitOverdueDays);
  const { busy, submit } = useSubmit('没有保存成功');
  const save = () =>
    void submit(async () => {
      const saved = await api.contact.updateSettings(cid, { contactGroupSize: size, visitOverdueDays: days });
      void showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    });
  return (
    <FormDialog title="包户设置" confirmText="保存" busy={busy} onConfirm={save} onCancel={onCancel}>
      <Field label="每组最多几人" hint="调小后只影响以后组建或修改的小组">
        <Stepper
          value={size}
          min={CONTACT_GROUP_SIZE_RANGE.min}
          max={CONTACT_GROUP_SIZE_RANGE.max}
          onChange={setSize}
        />
      </Field>
      <Field
        label="多少天没走访算逾期"
        hint={`按周调整，${VISIT_OVERDUE_DAYS_RANGE.min}–${VISIT_OVERDUE_DAYS_RANGE.max} 天`}
      >
        <View className="contact-settings__days">
          <Stepper
            value={days}
            min={VISIT_OVERDUE_DAYS_RANGE.min}
            max={VISIT_OVERDUE_DAYS_RANGE.max}
            onChange={(next) =>
              setDays(
                Math.min(
                  VISIT_OVERDUE_DAYS_RANGE.max,
                  Math.max(VISIT_OVERDUE_DAYS_RANGE.min, next > days ? days + DAYS_STEP : days - DAYS_STEP),
                ),
              )
            }
          />
          <Text className="contact-settings__unit">天</Text>
        </View>
      </Field>
    </FormDialog>
  );
}

/** 包户设置: the group size and the overdue period, with 修改 for the secretary. */
export function SettingsCard({
  cid,
  settings,
  onChange,
}: {
  cid: string;
  settings: ContactSettings;
  onChange: (settings: ContactSettings) => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <View className="rv-card contact-settings">
      <View className="contact-settings__text">
        <Text className="contact-settings__line">每组最多 {settings.contactGroupSize} 人</Text>
        <Text className="contact-settings__line">超过 {settings.visitOverdueDays} 天没走访算逾期</Text>
      </View>
      <Button size="small" fill="outline" type="primary" onClick={() => setEditing(true)}>
        修改设置
      </Button>
      {editing ? (
        <SettingsDialog
          cid={cid}
          settings={settings}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChange(saved);
          }}
        />
      ) : null}
    </View>
  );
}
