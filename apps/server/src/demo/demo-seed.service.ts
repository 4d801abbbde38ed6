import { MembershipStatus, Role } from '@redvest/contract';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PersonalDataCipher } from '../common/personal-data-cipher';
import { Community } from '../communities/community.entity';
import { Employer } from '../communities/employer.entity';
import { MembershipRole } from '../communities/membership-role.entity';
import { Membership } from '../communities/membership.entity';
import { AppConfig, ConfigError } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Building } from '../organisation/building.entity';
import { Compound } from '../organisation/compound.entity';
import { Household } from '../organisation/household.entity';
import { HouseholdImportService } from '../organisation/household-import.service';
import { ActivitiesService } from '../activities/activities.service';
import { Activity } from '../activities/activity.entity';
import { LedgerService } from '../ledger/ledger.service';
import { In, LessThan, MoreThan, Not } from 'typeorm';
import { otherDemoActivities, pastDemoActivities, runningDemoActivity } from './demo-activities';
import { seedDemoWishes } from './demo-wishes';
import { seedDemoContact } from './demo-contact';
import { ContactGroupsService } from '../contact/contact-groups.service';
import { HouseholdAssignmentsService } from '../contact/household-assignments.service';
import { ThreeListsService } from '../contact/three-lists.service';
import { VisitsService } from '../contact/visits.service';
import { WishPosting } from '../wishes/wish-posting';
import { WishesService } from '../wishes/wishes.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { seedDemoLedger } from './demo-ledger';
import { DEMO_HOUSEHOLD_SHEET, DEMO_MEMBERS, DEMO_COMMUNITY } from './demo-data';
import { DEMO_USERS } from './demo-users';

/** DEMO_SEED=1: the demo community of DESIGN §8, seeded once into an empty database. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly importer: HouseholdImportService,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerService,
    private readonly activities: ActivitiesService,
    private readonly wishes: WishesService,
    private readonly wishPosting: WishPosting,
    private readonly contactGroups: ContactGroupsService,
    private readonly assignments: HouseholdAssignmentsService,
    private readonly visits: VisitsService,
    private readonly lists: ThreeListsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoSeed) return;
    if (this.config.production) await this.refuseOthersData();
    const existing = await this.db.read((em) =>
      em.findOne(Community, { where: { inviteCode: DEMO_COMMUNITY.inviteCode } }),
    );
    if (existing) return this.keepActivityRunning(existing.id);
    if ((await this.db.read((em) => em.count(Community))) > 0) return;
    const communityId = await this.seed();
    const now = new Date();
    for (const activity of [runningDemoActivity(now), ...otherDemoActivities(now)]) {
      await this.activities.create(communityId, activity, await this.secretaryId());
    }
    const past = new Map<string, string>();
    for (const activity of pastDemoActivities(now)) {
      past.set(
        activity.title,
        (await this.activities.create(communityId, activity, await this.secretaryId())).id,
      );
    }
    const users = new Map<string, User>();
    for (const member of DEMO_MEMBERS)
      users.set(member.openid, await this.users.findOrCreateByOpenid(member.openid));
    await this.db.transaction(async (em) => {
      const held = await em.find(Activity, { where: { id: In([...past.values()]) } });
      const userIds = new Map([...users].map(([openid, user]) => [openid, user.id]));
      await seedDemoLedger(
        em,
        this.ledger,
        communityId,
        userIds,
        userIds.get('demo-secretary')!,
        new Map(held.map((activity) => [activity.title, activity])),
      );
    });
    await seedDemoWishes(this.db, this.wishPosting, this.wishes, communityId, users);
    await seedDemoContact(
      this.db,
      { groups: this.contactGroups, assignments: this.assignments, visits: this.visits, lists: this.lists },
      communityId,
      users,
    );
    this.logger.log(`已创建演示社区：${DEMO_COMMUNITY.name}`);
  }

  /**
   * In production the demo may only be seeded into a database that holds nothing but the demo: another
   * community, or a user the demo does not know, means real people's data, and the server refuses to start.
   */
  private async refuseOthersData(): Promise<void> {
    const demoOpenids = DEMO_USERS.map((user) => user.openid);
    const [communities, users] = await this.db.read((em) =>
      Promise.all([
        em.count(Community, { where: { inviteCode: Not(DEMO_COMMUNITY.inviteCode) } }),
        em.count(User, { where: { openid: Not(In(demoOpenids)) } }),
      ]),
    );
    if (communities || users)
      throw new ConfigError([
        `DEMO_SEED: 数据库中已有不是演示数据创建的内容（其他社区 ${communities} 个、其他用户 ${users} 位），` +
          '生产环境不能向其中写入演示数据，请设为 0',
      ]);
  }

  /** A demo started again on another day still has an activity running now to check in to. */
  private async keepActivityRunning(communityId: string): Promise<void> {
    const now = new Date();
    const running = await this.db.read((em) =>
      em.count(Activity, {
        where: {
          communityId,
          startAt: LessThan(now),
          endAt: MoreThan(new Date(now.getTime() + 30 * 60_000)),
        },
      }),
    );
    if (!running)
      await this.activities.create(communityId, runningDemoActivity(now), await this.secretaryId());
  }

  private async secretaryId(): Promise<string> {
    return (await this.users.findOrCreateByOpenid('demo-secretary')).id;
  }

  async seed(): Promise<string> {
    const communityId = newId();
    await this.db.transaction((em) =>
      em.insert(Community, { id: communityId, ...DEMO_COMMUNITY, createdAt: new Date() }),
    );
    await this.importer.importSheet(communityId, Buffer.from(DEMO_HOUSEHOLD_SHEET, 'utf8'));
    const users = new Map<string, string>();
    for (const member of DEMO_MEMBERS) {
      users.set(member.openid, (await this.users.findOrCreateByOpenid(member.openid, member.nickname)).id);
    }
    await this.db.transaction(async (em) => {
      const compounds = await em.find(Compound, { where: { communityId } });
      const compoundId = (name: string) => compounds.find((c) => c.name === name)!.id;
      const employers = new Map<string, string>();
      for (const name of new Set(DEMO_MEMBERS.map((m) => m.employer).filter(Boolean) as string[])) {
        const id = newId();
        employers.set(name, id);
        await em.insert(Employer, { id, communityId, name, createdAt: new Date() });
      }
      for (const member of DEMO_MEMBERS) {
        const home = await this.homeOf(em, compoundId(member.compound), member.home);
        const membershipId = newId();
        await em.insert(Membership, {
          id: membershipId,
          communityId,
          userId: users.get(member.openid)!,
          status: MembershipStatus.Active,
          realName: member.realName,
          phoneEnc: this.cipher.encrypt(member.phone),
          compoundId: compoundId(member.compound),
          householdId: home?.id ?? null,
          employerId: member.employer ? employers.get(member.employer)! : null,
          joinedAt: new Date(),
          verifiedAt: new Date(),
          verifiedBy: null,
        });
        for (const role of new Set([Role.Resident, ...member.roles])) {
          await em.insert(MembershipRole, {
            membershipId,
            role,
            compoundId: role === Role.BranchSecretary ? compoundId(member.compound) : '',
            communityId,
          });
        }
      }
    });
    return communityId;
  }

  private async homeOf(
    em: import('typeorm').EntityManager,
    compoundId: string,
    home: { building: string; unit: string; room: string } | undefined,
  ) {
    if (!home) return null;
    const building = await em.findOne(Building, { where: { compoundId, name: home.building } });
    return building
      ? em.findOne(Household, { where: { buildingId: building.id, unit: home.unit, room: home.room } })
      : null;
  }
}
