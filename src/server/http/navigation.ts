import type { Role } from '../accounts/roles.ts';

export interface NavItem {
  href: string;
  /** Icon id in public/icons/icons.svg. */
  icon: string;
  /** Catalogue key of the label: icons always carry a label. */
  label: string;
}

/**
 * The header menu of each role, after "Accueil". Each area adds its entries here, in the order
 * a user of that role needs them.
 */
export const NAVIGATION: Record<Role, NavItem[]> = {
  learner: [{ href: '/learner/calls', icon: 'headset', label: 'calls.nav' }],
  trainer: [
    { href: '/trainer/modules', icon: 'book', label: 'learning.nav.assign' },
    { href: '/trainer/attendance', icon: 'clock', label: 'followup.nav.attendance' },
    { href: '/trainer/statements', icon: 'list', label: 'followup.nav.statements' },
  ],
  admin: [
    { href: '/admin/users', icon: 'users', label: 'layout.nav.users' },
    { href: '/admin/cohorts', icon: 'group', label: 'layout.nav.cohorts' },
    { href: '/admin/courses', icon: 'book', label: 'learning.nav.courses' },
    { href: '/admin/statements', icon: 'list', label: 'followup.nav.statements' },
  ],
  partner: [],
};
