import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  Community,
  Employer,
  Membership,
  MembershipRole,
  Compound,
  Building,
  Household,
];
