import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLogService } from './audit-log.service';
import { AuditTrail } from './audit-trail';

/** 审计日志: the trail every audited use case writes to, the interceptor around audited routes, the reading. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogService, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditTrail],
})
export class AuditModule {}
