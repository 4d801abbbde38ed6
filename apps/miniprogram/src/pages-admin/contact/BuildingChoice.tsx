import { View } from '@tarojs/components';
import { BuildingView } from '@redvest/contract';
import { Choices } from '../../components/Choices';

/** The community's buildings to pick from, compound by compound, the group's own compound first. */
export function BuildingChoice({
  buildings,
  compoundId,
  value,
  onChange,
}: {
  buildings: BuildingView[];
  compoundId: string | null;
  value: string;
  onChange: (building: BuildingView) => void;
}) {
  const compounds = new Map<string, { name: string; buildings: BuildingView[] }>();
  for (const building of buildings) {
    const entry = compounds.get(building.compoundId) ?? { name: building.compound, buildings: [] };
    entry.buildings.push(building);
    compounds.set(building.compoundId, entry);
  }
  const ordered = [...compounds.entries()].sort(
    ([a], [b]) => Number(b === compoundId) - Number(a === compoundId),
  );
  return (
    <View>
      {ordered.map(([id, compound]) => (
        <Choices
          key={id}
          label={compounds.size > 1 ? compound.name : '楼栋'}
          items={compound.buildings.map((building) => ({
            key: building.id,
            label: `${building.name}（${building.householdCount} 户）`,
          }))}
          value={value || undefined}
          onChange={(buildingId) => {
            const picked = buildings.find((building) => building.id === buildingId);
            if (picked) onChange(picked);
          }}
        />
      ))}
    </View>
  );
}
