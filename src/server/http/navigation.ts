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
  learner: [
    { href: '/learner/calls', icon: 'headset', label: 'calls.nav' },
    { href: '/learner/certificate', icon: 'certificate', label: 'certificates.nav.certificate' },
  ],
  trainer: [
    { href: '/trainer/modules', icon: 'book', label: 'learning.nav.assign' },
    { href: '/trainer/authoring', icon: 'edit', label: 'authoring.nav' },
    { href: '/trainer/attendance', icon: 'clock', label: 'followup.nav.attendance' },
    { href: '/trainer/statements', icon: 'list', label: 'followup.nav.statements' },
    { href: '/trainer/release', icon: 'certificate', label: 'certificates.nav.release' },
    { href: '/admin/certificates', icon: 'list', label: 'certificates.nav.registry' },
  ],
  admin: [
    { href: '/admin/users', icon: 'users', label: 'layout.nav.users' },
    { href: '/admin/cohorts', icon: 'group', label: 'layout.nav.cohorts' },
    { href: '/admin/courses', icon: 'book', label: 'learning.nav.courses' },
    { href: '/trainer/authoring', icon: 'edit', label: 'authoring.nav' },
    { href: '/admin/statements', icon: 'list', label: 'followup.nav.statements' },
    { href: '/admin/organisation', icon: 'home', label: 'certificates.nav.organisation' },
    { href: '/admin/certificates', icon: 'certificate', label: 'certificates.nav.registry' },
  ],
  partner: [],
};
