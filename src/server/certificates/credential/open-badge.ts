/**
 * The Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential, data model 2.0) built
 * from a certificate snapshot. Pure. Each competency of the framework is a ResultDescription of
 * the achievement, and the holder's level is the matching Result.
 */
import crypto from 'node:crypto';
import { LEVEL_LABELS_FR } from '../pdf/french-format.ts';
import { printedNumber, type CertificateSnapshot } from '../snapshot.ts';
import type { StatusListEntry } from '../status-list.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** OB 3.0 §8.3 (credentialSchema): the 1EdTech JSON Schema the credential conforms to (tested against a copy). */
export const OB3_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const LEVEL_VALUES = Object.values(LEVEL_LABELS_FR);

export type CredentialPayload = Record<string, unknown> & { id: string; issuer: { id: string; name: string } };

export const credentialIdOf = (certificateId: string): string => `urn:uuid:${certificateId}`;

/** The certificate id inside a credential id (urn:uuid:...), or null. */
export function certificateIdOf(credentialId: unknown): string | null {
  const match = typeof credentialId === 'string' ? /^urn:uuid:([0-9a-f-]{36})$/i.exec(credentialId) : null;
  return match ? (match[1] as string).toLowerCase() : null;
}

/** Salted hash of the holder's name: an employer can check it against an ID card, nobody can read it. */
export function identityHash(fullName: string, salt: string): string {
  const folded = fullName.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `sha256$${crypto.createHash('sha256').update(`${folded}${salt}`).digest('hex')}`;
}

/** `status` is the credential's entry in the revocation list (null only for a credential without one). */
export function openBadgeCredential(s: CertificateSnapshot, rncpUrl: string, status: StatusListEntry | null): CredentialPayload {
  const achievementName = `Attestation de compétences — ${s.training.title}`;
  const issuer = { id: s.issuer.id, type: ['Profile'], name: s.issuer.name };
  const competencies = s.competencyBlocks.flatMap((b) => b.competencies.map((c) => ({ ...c, block: b.code })));
  const rd = (code: string) => `${s.issuer.id}/competences/${encodeURIComponent(code)}`;
  return {
    '@context': [VC_CONTEXT, OB3_CONTEXT],
    id: credentialIdOf(s.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievementName,
    issuer,
    validFrom: s.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: identityHash(s.holder.fullName, s.id), identityType: 'name', hashed: true, salt: s.id }],
      achievement: {
        id: `${s.issuer.id}/achievements/${encodeURIComponent(s.training.reference.replace(/\s+/g, '-').toLowerCase())}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: achievementName,
        description: `Compétences du titre « ${s.training.title} » (${s.training.reference}) évaluées pendant la formation, bloc par bloc.`,
        criteria: { narrative: 'Niveaux établis à partir des résultats enregistrés (quiz, exercices, appels simulés) selon des seuils publiés, validés par le formateur.' },
        creator: issuer,
        alignment: [{ type: ['Alignment'], targetName: `${s.training.title} (${s.training.reference})`, targetUrl: rncpUrl, targetType: 'ext:RNCP', targetFramework: s.training.reference }],
        resultDescription: competencies.map((c) => ({
          id: rd(c.code),
          type: ['ResultDescription'],
          name: `${c.code} — ${c.label}`,
          resultType: 'RubricCriterionLevel',
          allowedValue: LEVEL_VALUES,
        })),
      },
      result: competencies.map((c) => ({ type: ['Result'], resultDescription: rd(c.code), value: LEVEL_LABELS_FR[c.level] })),
    },
    evidence: [{ id: s.verifyUrl, type: ['Evidence'], name: `Attestation n° ${printedNumber(s)}`, narrative: `Vérification en ligne : ${s.verifyUrl}` }],
    ...(status ? { credentialStatus: status } : {}),
    credentialSchema: [{ id: OB3_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** RNCP record of the title, on France Compétences' public site. */
export function rncpUrlOf(reference: string): string {
  const digits = /(\d+)/.exec(reference)?.[1] ?? '';
  return `https://www.francecompetences.fr/recherche/rncp/${digits}/`;
}

/** W3C VC 2.0 "EnvelopedVerifiableCredential": a JSON file that carries the VC-JWT. */
export function envelopedCredential(jwt: string): Record<string, unknown> {
  return { '@context': VC_CONTEXT, id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' };
}
