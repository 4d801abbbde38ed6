import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { Db } from './db';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), migrationsRun: true }),
    }),
  ],
  providers: [Db],
  exports: [Db],
})
export class DatabaseModule {}
