/**
 * Actors are pseudonymous (DESIGN.md): an account on this instance whose name is the user's
 * opaque id. Names, birth dates and any prison number never reach the LRS.
 */
export interface AccountAgent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

/**
 * A trainer as an xAPI agent: the same pseudonymous account form (their opaque user id), used
 * as context.instructor and as the user member of a Group authority.
 */
export function staffAgent(baseUrl: string, userId: string): AccountAgent {
  return learnerAgent(baseUrl, userId);
}

export function learnerAgent(baseUrl: string, userId: string): AccountAgent {
  return { objectType: 'Agent', account: { homePage: baseUrl.replace(/\/+$/, ''), name: userId } };
}
