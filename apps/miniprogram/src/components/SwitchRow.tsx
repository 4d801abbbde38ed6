import { View, Text } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import './SwitchRow.scss';

/** A yes/no setting in a form: what it is, what it does, and a big switch. */
export function SwitchRow({
  title,
  note,
  checked,
  onChange,
}: {
  title: string;
  note: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <View className="rv-field rv-switch-row">
      <View className="rv-switch-row__text">
        <Text className="rv-switch-row__title">{title}</Text>
        <Text className="rv-switch-row__note">{note}</Text>
      </View>
      <Switch checked={checked} loadingIcon={null} ariaLabel={title} onChange={onChange} />
    </View>
  );
}
