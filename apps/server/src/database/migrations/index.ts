import { Foundation1763892000000 } from './1763892000000-Foundation';
import { Ledger1763895600000 } from './1763895600000-Ledger';
import { Activities1763899200000 } from './1763899200000-Activities';
import { ServiceRecords1763902800000 } from './1763902800000-ServiceRecords';
import { WechatTokens1763906400000 } from './1763906400000-WechatTokens';
import { Wishes1763910000000 } from './1763910000000-Wishes';
import { Contact1763913600000 } from './1763913600000-Contact';
import { ThreeLists1763917200000 } from './1763917200000-ThreeLists';
import { DemandPhotos1763920800000 } from './1763920800000-DemandPhotos';
import { NotificationTopics1763924400000 } from './1763924400000-NotificationTopics';
import { VisitRequestHash1764600000000 } from './1764600000000-VisitRequestHash';
import { RateLimits1764603600000 } from './1764603600000-RateLimits';
import { TokenRevocation1764607200000 } from './1764607200000-TokenRevocation';
import { PrivacyRights1764610800000 } from './1764610800000-PrivacyRights';
import { AuditLog1764621000000 } from './1764621000000-AuditLog';
import { DemandResolver1764624600000 } from './1764624600000-DemandResolver';
import { AuditActorNames1764628200000 } from './1764628200000-AuditActorNames';
import { LedgerTransferRefs1764631800000 } from './1764631800000-LedgerTransferRefs';
import { WishesByDesiredDate1764635400000 } from './1764635400000-WishesByDesiredDate';
import { LeaderAndVisitIndexes1764639000000 } from './1764639000000-LeaderAndVisitIndexes';
import { ApprovalQueue1764642600000 } from './1764642600000-ApprovalQueue';
import { MemberHistory1764646200000 } from './1764646200000-MemberHistory';
import { LeaderboardBoard1764649800000 } from './1764649800000-LeaderboardBoard';
import { ExportIndexes1764653400000 } from './1764653400000-ExportIndexes';
import { VisitCounters1764657000000 } from './1764657000000-VisitCounters';
import { FamilyLinks1764660600000 } from './1764660600000-FamilyLinks';
import { ElderlyMode1764700000000 } from './1764700000000-ElderlyMode';
import { ContactPhoneChoice1764703600000 } from './1764703600000-ContactPhoneChoice';
import { VoiceUploads1764707200000 } from './1764707200000-VoiceUploads';
import { WishVoices1764710800000 } from './1764710800000-WishVoices';

/** Every migration, in order. New ones are appended. */
export const MIGRATIONS = [
  Foundation1763892000000,
  Ledger1763895600000,
  Activities1763899200000,
  ServiceRecords1763902800000,
  WechatTokens1763906400000,
  Wishes1763910000000,
  Contact1763913600000,
  ThreeLists1763917200000,
  DemandPhotos1763920800000,
  NotificationTopics1763924400000,
  VisitRequestHash1764600000000,
  RateLimits1764603600000,
  TokenRevocation1764607200000,
  PrivacyRights1764610800000,
  AuditLog1764621000000,
  DemandResolver1764624600000,
  AuditActorNames1764628200000,
  LedgerTransferRefs1764631800000,
  WishesByDesiredDate1764635400000,
  LeaderAndVisitIndexes1764639000000,
  ApprovalQueue1764642600000,
  MemberHistory1764646200000,
  LeaderboardBoard1764649800000,
  ExportIndexes1764653400000,
  VisitCounters1764657000000,
  FamilyLinks1764660600000,
  ElderlyMode1764700000000,
  ContactPhoneChoice1764703600000,
  VoiceUploads1764707200000,
  WishVoices1764710800000,
];
