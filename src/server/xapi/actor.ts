/**
 * Actors are pseudonymous (DESIGN.md): an account on this instance whose name is the user's
 * opaque id. Names, birth dates and any prison number never reach the LRS.
 */
export interface AccountAgent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export function learnerAgent(baseUrl: string, userId: string): AccountAgent {
  return { objectType: 'Agent', account: { homePage: baseUrl.replace(/\/+$/, ''), name: userId } };
}
