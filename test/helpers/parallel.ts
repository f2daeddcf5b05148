import type request from 'supertest';

/** `times` copies of one request, all in flight at once (the double-click and many-tabs tests). */
export const inParallel = (times: number, send: () => Promise<request.Response>): Promise<request.Response[]> => Promise.all(Array.from({ length: times }, send));
