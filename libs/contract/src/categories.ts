/** Activity categories (DESIGN §3). */
export const ACTIVITY_CATEGORIES = [
  '敬老孝老',
  '老龄科普',
  '爱心扶贫',
  '物业自治',
  '文体健身',
  '法律服务',
  '调解维稳',
  '心理咨询',
  '科普宣传',
  '环境整治',
  '防汛防疫',
  '其他',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** Micro-wish categories (DESIGN §5). */
export const WISH_CATEGORIES = [
  '生活帮扶',
  '助老助残',
  '助学圆梦',
  '医疗健康',
  '维修服务',
  '法律咨询',
  '文化娱乐',
  '其他',
] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

/** Vulnerable-household flags a visit may record (DESIGN §6). */
export const HOUSEHOLD_FLAGS = [
  'elderly_alone',
  'disability',
  'low_income',
  'left_behind_children',
  'pension_certification',
] as const;
export type HouseholdFlag = (typeof HOUSEHOLD_FLAGS)[number];
