export const ROLES = ['learner', 'trainer', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Each role's home page: one per role. */
export const HOME_OF: Record<Role, string> = {
  learner: '/learner',
  trainer: '/trainer',
  admin: '/admin',
  partner: '/partner',
};
