import type { AuditEntry } from '../accounts/audit-entry.ts';
import type { Translate } from '../i18n/catalogue.ts';

/** Names the audit page can put on ids: people as "Name (login)", groups by name. */
export interface AuditNames {
  person(id: string): string | undefined;
  group(id: string): string | undefined;
}

export interface AuditLine {
  at: string;
  action: string;
  who: string;
  what: string;
  ip: string | null;
}

const MEMBER_ACTIONS = new Set(['cohort_member_added', 'cohort_member_removed']);

function importedCount(details: string | null): { count: number; cohortId: string | null } {
  try {
    const parsed = JSON.parse(details ?? '') as { count?: unknown; cohortId?: unknown };
    return { count: Number(parsed.count) || 0, cohortId: typeof parsed.cohortId === 'string' ? parsed.cohortId : null };
  } catch {
    return { count: 0, cohortId: null };
  }
}

/**
 * One audit row as the admin reads it: people and groups by name instead of ids, and what
 * changed in words ("Élodie Durand (elodie.durand) ajouté au groupe « Hiver »"). Rows written
 * before member changes had their own action ("cohort_updated", details "+id" / "-id") read the same.
 */
export function describeAuditEntry(entry: AuditEntry, names: AuditNames, t: Translate): AuditLine {
  const person = (id: string) => names.person(id) ?? t('admin.audit.unknownPerson');
  const group = (id: string) => names.group(id) ?? id;
  let action = entry.action;
  let what = entry.subject ?? '';
  const legacyMember = entry.action === 'cohort_updated' && /^[+-]/.test(entry.details ?? '') && entry.subject !== null;
  if (legacyMember) {
    action = entry.details?.startsWith('+') ? 'cohort_member_added' : 'cohort_member_removed';
    what = t(`admin.audit.sentences.${action}`, { person: person((entry.details ?? '').slice(1)), group: group(entry.subject as string) });
  } else if (MEMBER_ACTIONS.has(entry.action) && entry.subject !== null) {
    what = t(`admin.audit.sentences.${entry.action}`, { person: person(entry.subject), group: group(entry.details ?? '') });
  } else if (entry.action === 'users_imported') {
    const { count, cohortId } = importedCount(entry.details);
    what = cohortId ? t('admin.audit.sentences.users_imported_group', { count, group: group(cohortId) }) : t('admin.audit.sentences.users_imported', { count });
  } else if (entry.subject !== null && names.group(entry.subject) !== undefined) {
    what = t('admin.audit.sentences.cohort_named', { group: group(entry.subject) });
  } else if (entry.subject !== null && names.person(entry.subject) !== undefined) {
    what = person(entry.subject);
  }
  return {
    at: entry.at,
    action: t(`admin.audit.actions.${action}`),
    who: entry.actorId ? person(entry.actorId) : '',
    what,
    ip: entry.ip,
  };
}

/** Every id an audit row may name: its actor, its subject, and the group in its details. */
export function idsNamedBy(entry: AuditEntry): string[] {
  const ids = [entry.actorId, entry.subject];
  if (MEMBER_ACTIONS.has(entry.action)) ids.push(entry.details);
  if (entry.action === 'cohort_updated' && /^[+-]/.test(entry.details ?? '')) ids.push((entry.details ?? '').slice(1));
  if (entry.action === 'users_imported') ids.push(importedCount(entry.details).cohortId);
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}
