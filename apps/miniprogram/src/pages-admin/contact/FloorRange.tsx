import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Choices } from '../../components/Choices';
import { Field } from '../../components/Field';
import { MapHousehold, RangeErrors, RangeForm, stateOf } from './assignment';

/** How many households the range holds, and whose they are now. */
function rangeSummary(households: MapHousehold[], groupId: string): string {
  const others = households.filter((household) => stateOf(household, groupId) === 'other').length;
  const mine = households.filter((household) => stateOf(household, groupId) === 'mine').length;
  return [
    `这个范围共 ${households.length} 户`,
    others ? `${others} 户属于其他小组` : null,
    mine ? `${mine} 户已是本组的` : null,
  ]
    .filter(Boolean)
    .join('，');
}

/** 按楼层分配: a unit (when the building has several) and a range of floors, e.g. 24 到 27 层. */
export function FloorRange({
  form,
  errors,
  units,
  inRange,
  groupId,
  busy,
  onChange,
  onAssign,
}: {
  form: RangeForm;
  errors: RangeErrors;
  units: string[];
  /** The households of the range as typed so far (none while it is incomplete). */
  inRange: MapHousehold[];
  groupId: string;
  busy: boolean;
  onChange: (patch: Partial<RangeForm>) => void;
  onAssign: () => void;
}) {
  return (
    <View className="rv-card assign-range">
      <Text className="assign-range__title">按楼层分配</Text>
      {units.length ? (
        <Choices
          label="单元"
          items={[{ key: '', label: '全部单元' }, ...units.map((unit) => ({ key: unit, label: unit }))]}
          value={form.unit}
          onChange={(unit) => onChange({ unit })}
        />
      ) : null}
      <View className="assign-range__floors">
        <Field label="从" error={errors.floorFrom}>
          <Input
            type="number"
            value={form.floorFrom}
            placeholder="如 24"
            maxLength={3}
            onChange={(floorFrom) => onChange({ floorFrom })}
          />
          <Text className="assign-range__unit">层</Text>
        </Field>
        <Field label="到" error={errors.floorTo}>
          <Input
            type="number"
            value={form.floorTo}
            placeholder="如 27"
            maxLength={3}
            onChange={(floorTo) => onChange({ floorTo })}
          />
          <Text className="assign-range__unit">层</Text>
        </Field>
      </View>
      <Text className="rv-muted">
        {inRange.length ? rangeSummary(inRange, groupId) : '只分一层时，“到”可以不填'}
      </Text>
      <View className="assign-range__submit">
        <Button type="primary" size="large" block loading={busy} onClick={onAssign}>
          分配给本组
        </Button>
      </View>
    </View>
  );
}
