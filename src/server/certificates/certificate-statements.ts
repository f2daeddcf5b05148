/**
 * The xAPI statement an issue stores with the registry row, in the same transaction: the
 * learner "earned" the certificate. Its id is derived from the certificate id, so a retried
 * issue stores nothing twice. Pure.
 */
import { v5 as uuidv5 } from 'uuid';
import { learnerAgent } from '../xapi/actor.ts';
import { activityIds } from '../xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS } from '../xapi/vocabulary.ts';
import { printedNumber, type CertificateSnapshot } from './snapshot.ts';

export function earnedStatement(baseUrl: string, userId: string, snapshot: CertificateSnapshot, replacesId: string | null): Record<string, unknown> {
  const ids = activityIds(baseUrl);
  return {
    id: uuidv5('earned', snapshot.id),
    actor: learnerAgent(baseUrl, userId),
    verb: { id: VERBS.earned.id, display: { 'fr-FR': VERBS.earned.fr, 'en-US': VERBS.earned.en } },
    object: {
      objectType: 'Activity',
      id: ids.certificate(snapshot.id),
      definition: { type: ACTIVITY_TYPES.certificate, name: { 'fr-FR': `Attestation de compétences n° ${printedNumber(snapshot)}` } },
    },
    context: {
      registration: snapshot.id,
      contextActivities: { grouping: [{ id: ids.programme() }], category: [profileCategory()] },
      ...(replacesId ? { extensions: { [EXTENSIONS.replaces]: ids.certificate(replacesId) } } : {}),
      language: 'fr-FR',
    },
    timestamp: snapshot.issuedAt,
  };
}
