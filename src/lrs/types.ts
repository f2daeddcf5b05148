/** xAPI shapes the LRS itself reads. Statements are validated before these types are trusted. */
export interface Account {
  homePage: string;
  name: string;
}

export interface Agent {
  objectType?: 'Agent' | 'Group';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
  member?: Agent[];
}

export type JsonObject = { [key: string]: unknown };

/** A stored statement: the JSON as accepted plus the properties the LRS sets. */
export type Statement = JsonObject & {
  id: string;
  stored: string;
  authority: Agent;
  timestamp: string;
  version: string;
};

export type XapiVersion = '1.0' | '2.0';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
