import { View, Text, Picker } from '@tarojs/components';
import { ArrowDown } from '@nutui/icons-react-taro';
import { CoverageResponse } from '@redvest/contract';
import { coveragePercent } from '@redvest/domain';
import { MonthOption } from './months';

/** Which month the coverage is for: a system picker over the last months. */
export function MonthSwitch({
  months,
  value,
  onChange,
}: {
  months: MonthOption[];
  value: string;
  onChange: (month: string) => void;
}) {
  const index = Math.max(
    0,
    months.findIndex((month) => month.value === value),
  );
  return (
    <Picker
      mode="selector"
      range={months.map((month) => month.label)}
      value={index}
      onChange={(event) => {
        const picked = months[Number(event.detail.value)];
        if (picked) onChange(picked.value);
      }}
    >
      <View className="rv-picker-row" role="button">
        <Text className="rv-picker-row__label contact-month__label">{months[index].label}</Text>
        <Text className="rv-picker-row__change">换月份</Text>
        <ArrowDown size={16} />
      </View>
    </Picker>
  );
}

/** Per group and building: households, visited in the month and the share of them, overdue now. */
export function CoverageTable({ coverage }: { coverage: CoverageResponse }) {
  const households = coverage.rows.reduce((sum, row) => sum + row.households, 0);
  const visited = coverage.rows.reduce((sum, row) => sum + row.visited, 0);
  return (
    <>
      <Text className="contact-coverage__total">
        本月覆盖率 <Text className="contact-coverage__percent">{coveragePercent(visited, households)}%</Text>
        （已访 {visited} 户，共 {households} 户）
      </Text>
      <Text className="contact-coverage__note">
        已访：本月走访过的住户；逾期：现在已超过 {coverage.overdueDays} 天没有走访的住户
      </Text>
      <View className="contact-coverage" role="table">
        <View className="contact-coverage__row contact-coverage__row--head" role="row">
          <View className="contact-coverage__cell contact-coverage__cell--wide" role="columnheader">
            小组 / 楼栋
          </View>
          {['户数', '已访', '覆盖率', '逾期'].map((title) => (
            <View key={title} className="contact-coverage__cell" role="columnheader">
              {title}
            </View>
          ))}
        </View>
        {coverage.rows.map((row) => (
          <View key={`${row.groupId}-${row.building}`} className="contact-coverage__row" role="row">
            <View className="contact-coverage__cell contact-coverage__cell--wide" role="rowheader">
              <Text className="contact-coverage__group">{row.groupName}</Text>
              <Text className="contact-coverage__building">{row.building}</Text>
            </View>
            <View className="contact-coverage__cell" role="cell">
              {row.households}
            </View>
            <View className="contact-coverage__cell" role="cell">
              {row.visited}
            </View>
            <View className="contact-coverage__cell" role="cell">
              {coveragePercent(row.visited, row.households)}%
            </View>
            <View
              className={`contact-coverage__cell${row.overdue ? ' contact-coverage__cell--overdue' : ''}`}
              role="cell"
            >
              {row.overdue}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
