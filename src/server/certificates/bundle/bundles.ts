/** The verification bundle part of the certificates area, as ctx.certificates.bundles. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../logger.ts';
import type { SigningKey } from '../credential/signing-key.ts';
import type { IssuingService } from '../issuing.service.ts';
import type { OrganisationRepository } from '../organisation.repository.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { BundleExportService } from './bundle-export.service.ts';
import { BundleImportService } from './bundle-import.service.ts';
import { BundlesRepository } from './bundles.repository.ts';
import { PublishedRegistry } from './published-registry.ts';

export interface Bundles {
  exporter: BundleExportService;
  importer: BundleImportService;
  published: PublishedRegistry;
}

export function buildBundles(deps: {
  db: Kysely<Database>;
  registry: RegistryRepository;
  organisation: OrganisationRepository;
  issuing: IssuingService;
  signingKey: () => Promise<SigningKey>;
  clock: Clock;
  logger: Logger;
}): Bundles {
  const bundles = new BundlesRepository(deps.db);
  return {
    exporter: new BundleExportService({ ...deps, bundles }),
    importer: new BundleImportService({ bundles, clock: deps.clock }),
    published: new PublishedRegistry({ bundles, logger: deps.logger }),
  };
}
