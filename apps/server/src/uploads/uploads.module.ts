import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { LocalFileStore, OBJECT_STORE } from './object-store';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

@Global()
@Module({
  controllers: [UploadsController],
  providers: [
    UploadsService,
    {
      provide: OBJECT_STORE,
      inject: [CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStore(join(config.dataDir, 'uploads')),
    },
  ],
  exports: [UploadsService, OBJECT_STORE],
})
export class UploadsModule {}
