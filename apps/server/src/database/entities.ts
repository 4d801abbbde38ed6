import { MemberRating, Resource, ServiceProject } from '../contact/lists.entities';
import {
  ContactGroup,
  ContactGroupMember,
  Demand,
  DemandPhoto,
  HouseholdAssignment,
  HouseholdAssignmentHistory,
  HouseholdVisitMonth,
  Visit,
} from '../contact/entities';
import { Notification } from '../notifications/notification.entity';
import { Upload } from '../uploads/upload.entity';
import { WishEvent } from '../wishes/wish-event.entity';
import { WishPhotoLink } from '../wishes/wish-photo.entity';
import { WishVoice } from '../wishes/wish-voice.entity';
import { WishPoints } from '../wishes/wish-points.entity';
import { Wish } from '../wishes/wish.entity';
import { WechatToken } from '../wechat/wechat-token.entity';
import { Certificate } from '../records/certificate.entity';
import { RecordCorrection } from '../records/correction.entity';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { Enrolment } from '../activities/enrolment.entity';
import { RateLimitHit } from '../rate-limits/rate-limit-hit.entity';
import { RevokedToken } from '../auth/revoked-token.entity';
import { Counter } from '../jobs/counter.entity';
import { JobLease } from '../jobs/job-lease.entity';
import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { Invitation } from '../communities/invitation.entity';
import { Departure } from '../communities/departure.entity';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { ChainHead } from '../ledger/chain-head.entity';
import { LedgerAccount } from '../ledger/ledger-account.entity';
import { LedgerTransfer } from '../ledger/ledger-transfer.entity';
import { OpenPending } from '../ledger/open-pending.entity';
import { PeriodTotal } from '../ledger/period-total.entity';
import { Redemption } from '../rewards/redemption.entity';
import { Reward } from '../rewards/reward.entity';
import { User } from '../users/user.entity';
import { AuditChainHead, AuditEntry } from '../audit/audit-entry.entity';
import { FamilyLink, FamilyLinkCode } from '../family/family-link.entity';

export const ENTITIES = [
  User,
  Community,
  Employer,
  Membership,
  MembershipRole,
  Invitation,
  Departure,
  Compound,
  Building,
  Household,
  LedgerAccount,
  LedgerTransfer,
  ChainHead,
  OpenPending,
  PeriodTotal,
  Reward,
  Redemption,
  Activity,
  Attendance,
  Enrolment,
  JobLease,
  Counter,
  RateLimitHit,
  RevokedToken,
  RecordCorrection,
  Certificate,
  WechatToken,
  Upload,
  Wish,
  WishPhotoLink,
  WishVoice,
  WishEvent,
  WishPoints,
  FamilyLinkCode,
  FamilyLink,
  Notification,
  ContactGroup,
  ContactGroupMember,
  HouseholdAssignment,
  HouseholdAssignmentHistory,
  HouseholdVisitMonth,
  Visit,
  Demand,
  DemandPhoto,
  Resource,
  ServiceProject,
  MemberRating,
  AuditEntry,
  AuditChainHead,
];
