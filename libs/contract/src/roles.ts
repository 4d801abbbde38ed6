/** Roles are held per community (DESIGN §1). */
export enum Role {
  Resident = 'resident',
  Volunteer = 'volunteer',
  PartyMember = 'party_member',
  GroupLeader = 'group_leader',
  BranchSecretary = 'branch_secretary',
  Secretary = 'secretary',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '居民',
  [Role.Volunteer]: '志愿者',
  [Role.PartyMember]: '在职党员',
  [Role.GroupLeader]: '党小组长',
  [Role.BranchSecretary]: '小区党支部书记',
  [Role.Secretary]: '社区书记',
};

export enum MembershipStatus {
  /** Joined with the invite code, waiting for a secretary to verify the real name. */
  Pending = 'pending',
  Active = 'active',
}

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  [MembershipStatus.Pending]: '待审核',
  [MembershipStatus.Active]: '已认证',
};
