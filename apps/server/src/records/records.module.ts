import { Module, OnModuleInit } from '@nestjs/common';
import { Attendance } from '../activities/attendance.entity';
import { ResourceCommunities } from '../auth/resource-communities';
import { LedgerModule } from '../ledger/ledger.module';
import { RecordCorrection } from './correction.entity';
import { RecordsController } from './records.controller';
import { CertificatesService } from './certificates.service';
import { CorrectionsService } from './corrections.service';

/** 志愿服务记录: corrections and certificates. */
@Module({
  imports: [LedgerModule],
  controllers: [RecordsController],
  providers: [CorrectionsService, CertificatesService],
})
export class RecordsModule implements OnModuleInit {
  constructor(private readonly resources: ResourceCommunities) {}

  onModuleInit(): void {
    this.resources.registerEntity('attendance', Attendance);
    this.resources.registerEntity('correction', RecordCorrection);
  }
}
