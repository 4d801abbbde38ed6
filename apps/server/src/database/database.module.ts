import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { DatabaseOutage } from './database-outage';
import { Db, READER } from './db';
import { checkEmbeddedFile } from './sqlite-file';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: AppConfig) => {
        if (config.database.kind === 'sqlite') {
          const backup = checkEmbeddedFile(config.database.file);
          if (backup) new Logger('Database').log(`旧格式的数据库文件已先复制到 ${backup}，现在改用 WAL 模式`);
        }
        return { ...dataSourceOptions(config.database), migrationsRun: true };
      },
    }),
  ],
  providers: [
    {
      provide: READER,
      // The writer comes first: it creates the file and runs the migrations the reader then sees.
      inject: [CONFIG, DataSource],
      useFactory: (config: AppConfig) =>
        config.database.kind === 'sqlite'
          ? new DataSource(dataSourceOptions(config.database, { reader: true })).initialize()
          : null,
    },
    Db,
    DatabaseOutage,
  ],
  exports: [Db, DatabaseOutage],
})
export class DatabaseModule {}
