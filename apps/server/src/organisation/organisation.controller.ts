import type { BuildingView, CompoundRef, HouseholdView, ImportResult, Page } from '@redvest/contract';
import { ErrorCode } from '@redvest/contract';
import { Body, Controller, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { readOneFile } from '../common/multipart';
import { HouseholdsQuery, UpdateBuildingDto, UpdateHouseholdDto } from './dto';
import { HouseholdImportService } from './household-import.service';
import { OrganisationService } from './organisation.service';

/** A spreadsheet of a whole community's households stays well below this. */
const MAX_SHEET_BYTES = 10 * 1024 * 1024;

@ApiTags('小区与住户')
@ApiBearerAuth()
@Controller('api')
export class OrganisationController {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly importer: HouseholdImportService,
  ) {}

  @Get('communities/:cid/compounds')
  compounds(@Param('cid') cid: string): Promise<{ items: CompoundRef[] }> {
    return this.organisation.compounds(cid);
  }

  @Get('communities/:cid/buildings')
  buildings(@Param('cid') cid: string): Promise<{ items: BuildingView[] }> {
    return this.organisation.buildings(cid);
  }

  @Get('communities/:cid/households')
  households(@Param('cid') cid: string, @Query() query: HouseholdsQuery): Promise<Page<HouseholdView>> {
    return this.organisation.households(cid, query);
  }

  @Post('communities/:cid/households/import')
  @ApiConsumes('multipart/form-data')
  async importHouseholds(@Param('cid') cid: string, @Req() request: FastifyRequest): Promise<ImportResult> {
    const sheet = await readOneFile(request, {
      maxBytes: MAX_SHEET_BYTES,
      missing: ErrorCode.ImportFileMissing,
      tooLarge: ErrorCode.PayloadTooLarge,
    });
    return this.importer.importSheet(cid, sheet);
  }

  @Put('buildings/:buildingId')
  updateBuilding(@Param('buildingId') id: string, @Body() body: UpdateBuildingDto): Promise<BuildingView> {
    return this.organisation.updateBuilding(id, body);
  }

  @Put('households/:householdId')
  updateHousehold(
    @Param('householdId') id: string,
    @Body() body: UpdateHouseholdDto,
  ): Promise<HouseholdView> {
    return this.organisation.updateHousehold(id, body);
  }
}
