import {
  CONTACT_LIMITS,
  ContactGroupView,
  CreateContactGroupRequest,
  UpdateContactGroupRequest,
} from '@redvest/contract';
import { checkText } from '../../services/text-errors';

export const MAX_NAME = CONTACT_LIMITS.groupName.max;

export interface GroupMember {
  userId: string;
  name: string;
}

export interface GroupForm {
  name: string;
  /** '' for no compound. */
  compoundId: string;
  members: GroupMember[];
  /** '' until one is chosen. */
  leaderId: string;
}

export type GroupErrors = Partial<Record<'name' | 'members' | 'leader', string>>;

export function emptyGroupForm(): GroupForm {
  return { name: '', compoundId: '', members: [], leaderId: '' };
}

export function formOfGroup(group: ContactGroupView): GroupForm {
  return {
    name: group.name,
    compoundId: group.compoundId ?? '',
    members: group.members.map(({ userId, name }) => ({ userId, name })),
    leaderId: group.leaderId,
  };
}

function sameMembers(a: GroupMember[], b: GroupMember[]): boolean {
  const ids = new Set(a.map((member) => member.userId));
  return a.length === b.length && b.every((member) => ids.has(member.userId));
}

/** Adds the member, or takes them out (and off the leader's seat). */
export function toggleMember(form: GroupForm, member: GroupMember): GroupForm {
  const chosen = form.members.some((m) => m.userId === member.userId);
  if (!chosen) return { ...form, members: [...form.members, member] };
  return {
    ...form,
    members: form.members.filter((m) => m.userId !== member.userId),
    leaderId: form.leaderId === member.userId ? '' : form.leaderId,
  };
}

/**
 * `maxMembers`: the community's group size (包户设置). A group formed before the size was lowered keeps its
 * members: `current` (an edited group's members) is not held to it while the members stay the same.
 */
export function validateGroup(
  form: GroupForm,
  maxMembers: number,
  current: GroupMember[] = [],
): {
  errors: GroupErrors;
  request?: CreateContactGroupRequest;
} {
  const errors: GroupErrors = {};
  const name = form.name.trim();
  checkText(errors, 'name', name, CONTACT_LIMITS.groupName, {
    blank: '请填写小组名称',
    tooLong: (max) => `小组名称不能超过 ${max} 个字`,
    field: '小组名称',
  });
  if (!form.members.length) errors.members = '请至少选择一名成员';
  else if (form.members.length > maxMembers && !sameMembers(form.members, current))
    errors.members = `小组最多 ${maxMembers} 人`;
  if (!form.leaderId) errors.leader = '请选择组长';
  else if (!form.members.some((member) => member.userId === form.leaderId))
    errors.leader = '组长必须是小组成员';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: {
      name,
      memberIds: form.members.map((member) => member.userId),
      leaderId: form.leaderId,
      ...(form.compoundId ? { compoundId: form.compoundId } : {}),
    },
  };
}

/** Only what changed: the server keeps any field left out. */
export function groupUpdate(
  request: CreateContactGroupRequest,
  group: ContactGroupView,
): UpdateContactGroupRequest {
  const update: UpdateContactGroupRequest = {};
  if (request.name !== group.name) update.name = request.name;
  const before = group.members.map((member) => member.userId);
  if (
    request.memberIds.length !== before.length ||
    request.memberIds.some((userId) => !before.includes(userId))
  )
    update.memberIds = request.memberIds;
  if (request.leaderId !== group.leaderId) update.leaderId = request.leaderId;
  const compoundId = request.compoundId ?? null;
  if (compoundId !== group.compoundId) update.compoundId = compoundId;
  return update;
}
