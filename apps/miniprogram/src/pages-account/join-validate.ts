import { JoinRequest } from '@redvest/contract';
import { isValidPhone, normalisePhone } from '@redvest/domain';

export interface JoinForm {
  inviteCode: string;
  realName: string;
  phone: string;
  compoundId?: string;
}

export type JoinErrors = Partial<Record<keyof JoinForm, string>>;

/** Checks the form as the server will, so a mistake is shown beside its field before anything is sent. */
export function validateJoin(form: JoinForm): { errors: JoinErrors; request?: JoinRequest } {
  const errors: JoinErrors = {};
  const inviteCode = form.inviteCode.trim();
  const realName = form.realName.trim();
  if (!inviteCode) errors.inviteCode = '请填写社区邀请码';
  if (!realName) errors.realName = '请填写真实姓名';
  else if ([...realName].length < 2 || [...realName].length > 20) errors.realName = '姓名应为 2 到 20 个字';
  if (!form.phone.trim()) errors.phone = '请填写手机号码';
  else if (!isValidPhone(form.phone)) errors.phone = '手机号码格式不正确，请填写 11 位手机号或带区号的座机';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: {
      inviteCode,
      realName,
      phone: normalisePhone(form.phone),
      ...(form.compoundId ? { compoundId: form.compoundId } : {}),
    },
  };
}
