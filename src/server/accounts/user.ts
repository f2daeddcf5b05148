import type { Role } from './roles.ts';

export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
}
