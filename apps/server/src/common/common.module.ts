import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { PersonalDataCipher } from './personal-data-cipher';

@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [CONFIG],
      useFactory: (config: AppConfig) => new PersonalDataCipher(config.dataKey),
    },
  ],
  exports: [PersonalDataCipher],
})
export class CommonModule {}
