import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { IntegrationModule } from '../integrations/integration.module';
import { ResponseShapeRepository } from './response-shape.repository';
import { ShapeController } from './shape.controller';
import { ShapeDriftService } from './shape-drift.service';
import { ShapeReportService } from './shape-report.service';

/** Drift without a schema: learned response shapes, their drifts, and accepting a new shape. */
@Module({
  imports: [DatabaseModule, IntegrationModule],
  controllers: [ShapeController],
  providers: [ResponseShapeRepository, ShapeDriftService, ShapeReportService],
  exports: [ShapeDriftService],
})
export class DriftModule {}
