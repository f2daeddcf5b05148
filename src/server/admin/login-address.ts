import type { AppContext } from '../context.ts';

/** The address printed on login sheets: where a learner types their login (BASE_URL, the intranet's). */
export const loginAddress = (ctx: AppContext): string => `${ctx.config.baseUrl}/login`;
