/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landlines with area code, as elderly residents often give: 0xx-xxxxxxx(x). */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function normalisePhone(input: string): string {
  return input.replace(/[\s()（）]/g, '').replace(/^\+?86/, '');
}

export function isValidPhone(input: string): boolean {
  const phone = normalisePhone(input);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** 13812341234 → 138****1234; short or odd strings keep only their last two characters. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length <= 2) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}

/** 张三丰 → 张*丰, 李四 → 李*: real names shown to people who need to recognise, not identify. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A real name as one viewer sees it: in full for the people who need it, masked for everyone else. */
export function nameAsShown(name: string, inFull: boolean): string {
  return inFull ? name : maskName(name);
}
