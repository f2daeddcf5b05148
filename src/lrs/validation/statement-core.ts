/** The properties a Statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments. */
import { checkAgentOrGroup } from './agent.ts';
import { checkAttachments } from './attachment.ts';
import { checkContext } from './context.ts';
import type { JsonObject } from './json.ts';
import { checkObject, type ObjectKind } from './object.ts';
import { fail, type Report } from './report.ts';
import { checkResult } from './result.ts';
import { checkTimestamp } from './timestamp.ts';
import { checkVerb } from './verb.ts';

export function checkStatementCore(report: Report, statement: JsonObject, path: string, inSubStatement: boolean): ObjectKind {
  const what = inSubStatement ? 'a SubStatement' : 'a statement';
  if (statement.actor === undefined) fail(report, `${path}.actor`, `is required in ${what}`);
  else checkAgentOrGroup(report, statement.actor, `${path}.actor`);
  if (statement.verb === undefined) fail(report, `${path}.verb`, `is required in ${what}`);
  else checkVerb(report, statement.verb, `${path}.verb`);
  let kind: ObjectKind = 'invalid';
  if (statement.object === undefined) fail(report, `${path}.object`, `is required in ${what}`);
  else kind = checkObject(report, statement.object, `${path}.object`, inSubStatement);
  if (statement.result !== undefined) checkResult(report, statement.result, `${path}.result`);
  if (statement.context !== undefined) checkContext(report, statement.context, `${path}.context`, kind === 'Activity');
  if (statement.timestamp !== undefined) checkTimestamp(report, statement.timestamp, `${path}.timestamp`);
  if (statement.attachments !== undefined) checkAttachments(report, statement.attachments, `${path}.attachments`);
  return kind;
}
