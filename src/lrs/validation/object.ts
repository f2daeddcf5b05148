/** The statement's object, chosen by objectType: Activity (default), Agent, Group, StatementRef, SubStatement. */
import { checkActivity } from './activity.ts';
import { checkAgent, checkGroup } from './agent.ts';
import { describe, isObject } from './json.ts';
import { fail, type Report } from './report.ts';
import { checkStatementRef } from './statement-ref.ts';
import { checkSubStatement } from './sub-statement.ts';

export type ObjectKind = 'Activity' | 'Agent' | 'Group' | 'StatementRef' | 'SubStatement' | 'invalid';

export function checkObject(report: Report, value: unknown, path: string, inSubStatement: boolean): ObjectKind {
  if (!isObject(value)) {
    fail(report, path, `must be an object (Activity, Agent, Group, StatementRef or SubStatement), not ${describe(value)}`);
    return 'invalid';
  }
  switch (value.objectType) {
    case undefined:
    case 'Activity':
      checkActivity(report, value, path);
      return 'Activity';
    case 'Agent':
      checkAgent(report, value, path, true);
      return 'Agent';
    case 'Group':
      checkGroup(report, value, path);
      return 'Group';
    case 'StatementRef':
      checkStatementRef(report, value, path);
      return 'StatementRef';
    case 'SubStatement':
      if (inSubStatement) fail(report, `${path}.objectType`, 'a SubStatement must not contain another SubStatement');
      else checkSubStatement(report, value, path);
      return 'SubStatement';
    default:
      fail(report, `${path}.objectType`, `must be "Activity", "Agent", "Group", "StatementRef" or "SubStatement" (exact case), not ${describe(value.objectType)}`);
      return 'invalid';
  }
}
