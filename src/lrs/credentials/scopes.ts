/** xAPI 1.0.3 Communication 4.0 (OAuth scopes), reused for Basic credentials. */
export const LRS_SCOPES = [
  'statements/write',
  'statements/read',
  'statements/read/mine',
  'state',
  'define',
  'profile',
  'all/read',
  'all',
] as const;

export type LrsScope = (typeof LRS_SCOPES)[number];

export function isLrsScope(value: unknown): value is LrsScope {
  return typeof value === 'string' && (LRS_SCOPES as readonly string[]).includes(value);
}

/** What a request needs; each resource asks for one of these. */
export type LrsPermission =
  | 'statements:read'
  | 'statements:write'
  | 'state:read'
  | 'state:write'
  | 'profile:read'
  | 'profile:write'
  | 'definitions:read';

const GRANTS: Record<LrsPermission, readonly LrsScope[]> = {
  'statements:read': ['statements/read', 'statements/read/mine', 'all/read', 'all'],
  'statements:write': ['statements/write', 'all'],
  'state:read': ['state', 'all/read', 'all'],
  'state:write': ['state', 'all'],
  'profile:read': ['profile', 'all/read', 'all'],
  'profile:write': ['profile', 'all'],
  'definitions:read': ['define', 'statements/read', 'all/read', 'all', 'profile', 'state'],
};

export function scopesAllow(scopes: readonly LrsScope[], permission: LrsPermission): boolean {
  return GRANTS[permission].some((scope) => scopes.includes(scope));
}

/** statements/read/mine alone: the reader only sees statements it is the authority of. */
export function readsOnlyOwnStatements(scopes: readonly LrsScope[]): boolean {
  return !scopes.some((scope) => scope === 'statements/read' || scope === 'all/read' || scope === 'all');
}
