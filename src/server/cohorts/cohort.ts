export type CohortMemberRole = 'trainer' | 'learner';

export interface Cohort {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  createdAt: string;
}

export interface CohortMember {
  userId: string;
  displayName: string;
  login: string;
  memberRole: CohortMemberRole;
  active: boolean;
}

export interface CohortWithMembers extends Cohort {
  members: CohortMember[];
}
