import { DynamicModule, Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { CommunitiesModule } from './communities/communities.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { LedgerModule } from './ledger/ledger.module';
import { MeModule } from './me/me.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ContactModule } from './contact/contact.module';
import { ContentModule } from './content/content.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RecordsModule } from './records/records.module';
import { UploadsModule } from './uploads/uploads.module';
import { FamilyModule } from './family/family.module';
import { WishesModule } from './wishes/wishes.module';
import { RewardsModule } from './rewards/rewards.module';
import { WechatModule } from './wechat/wechat.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        CommonModule,
        RateLimitsModule,
        WechatModule,
        AuthModule,
        AuditModule,
        MeModule,
        CommunitiesModule,
        OrganisationModule,
        LedgerModule,
        RewardsModule,
        ActivitiesModule,
        JobsModule,
        RecordsModule,
        UploadsModule,
        ContentModule,
        NotificationsModule,
        FamilyModule,
        WishesModule,
        ContactModule,
        PrivacyModule,
        DemoModule,
      ],
      controllers: [HealthController],
    };
  }
}
