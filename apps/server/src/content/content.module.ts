import { Global, Module } from '@nestjs/common';
import { ContentCheckService } from './content-check.service';

@Global()
@Module({ providers: [ContentCheckService], exports: [ContentCheckService] })
export class ContentModule {}
