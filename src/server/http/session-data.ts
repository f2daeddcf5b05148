import type { Role } from '../accounts/roles.ts';
import type { Locale } from '../i18n/catalogue.ts';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    role?: Role;
    /** Epoch ms of the last request; idle expiry is measured from here with the injected clock. */
    lastSeenAt?: number;
    csrfToken?: string;
    locale?: Locale;
    /** Set when the idle timeout ended the previous session, to explain it on the login page. */
    expired?: boolean;
  }
}

export {};
