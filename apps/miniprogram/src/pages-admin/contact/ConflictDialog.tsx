import { View, Text } from '@tarojs/components';
import { AssignmentConflict } from '@redvest/contract';
import { FormDialog } from '../../components/FormDialog';

const SHOWN = 30;

/** 改派: the households other groups have, and whether to take them over for this group. */
export function ConflictDialog({
  conflicts,
  busy,
  onReassign,
  onCancel,
}: {
  conflicts: AssignmentConflict[];
  busy: boolean;
  onReassign: () => void;
  onCancel: () => void;
}) {
  return (
    <FormDialog
      title="有住户已由其他小组包干"
      confirmText="改派给本组"
      busy={busy}
      onConfirm={onReassign}
      onCancel={onCancel}
    >
      <Text className="assign-conflicts__intro">
        以下 {conflicts.length} 户已由其他小组包干，这次没有分配：
      </Text>
      <View className="assign-conflicts" tabIndex={0}>
        {conflicts.slice(0, SHOWN).map((conflict) => (
          <View key={conflict.householdId} className="assign-conflicts__row">
            <Text className="assign-conflicts__label">{conflict.label}</Text>
            <Text className="assign-conflicts__group">{conflict.groupName}</Text>
          </View>
        ))}
        {conflicts.length > SHOWN ? (
          <Text className="rv-muted">还有 {conflicts.length - SHOWN} 户</Text>
        ) : null}
      </View>
      <Text className="assign-conflicts__note">
        选“改派给本组”，这些住户和其余住户一起分给本组，原小组的走访记录会保留。
      </Text>
    </FormDialog>
  );
}
