import { View, Text } from '@tarojs/components';
import { floorLabel, groupByFloor } from '../../components/floors';
import { HouseholdState, MapHousehold, stateOf } from './assignment';

const STATE_TEXT: Record<HouseholdState, string> = { mine: '本组', other: '其他小组', free: '未分配' };

function Legend() {
  return (
    <View className="floor-map__legend">
      {(['mine', 'other', 'free'] as const).map((state) => (
        <View key={state} className="floor-map__key">
          <View className={`floor-map__swatch floor-map__swatch--${state}`} />
          <Text>{STATE_TEXT[state]}</Text>
        </View>
      ))}
      <View className="floor-map__key">
        <View className="floor-map__swatch floor-map__swatch--selected" />
        <Text>已选</Text>
      </View>
    </View>
  );
}

/**
 * A building's households floor by floor, from the top down, each coloured (and labelled) by whose it is;
 * tapping one selects it.
 */
export function FloorMap({
  households,
  groupId,
  showUnit,
  selected,
  onToggle,
}: {
  households: MapHousehold[];
  groupId: string;
  showUnit: boolean;
  selected: ReadonlySet<string>;
  onToggle: (household: MapHousehold) => void;
}) {
  return (
    <View className="floor-map">
      <Legend />
      {groupByFloor(households).map(({ floor, rooms }) => (
        <View key={floor} className="floor-map__floor">
          <Text className="floor-map__label">{floorLabel(floor)}</Text>
          <View className="floor-map__rooms">
            {rooms.map((household) => {
              const state = stateOf(household, groupId);
              const owner = state === 'other' ? (household.groupName ?? STATE_TEXT.other) : STATE_TEXT[state];
              const isSelected = selected.has(household.id);
              const room = `${showUnit && household.unit ? household.unit : ''}${household.room}`;
              return (
                <View
                  key={household.id}
                  role="checkbox"
                  aria-checked={isSelected}
                  aria-label={`${room}，${owner}`}
                  className={`floor-map__room floor-map__room--${state}${isSelected ? ' floor-map__room--selected' : ''}`}
                  onClick={() => onToggle(household)}
                >
                  {showUnit && household.unit ? (
                    <Text className="floor-map__unit">{household.unit}</Text>
                  ) : null}
                  <Text className="floor-map__number">
                    {isSelected ? '✓ ' : ''}
                    {household.room}
                  </Text>
                  <Text className="floor-map__owner">{owner}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
