import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { checkScenario } from '../scenario-check.ts';
import { removeNode, setNode } from '../scenario-nodes.ts';
import { playTurn, playtestView, readPlaytestState, startPlaytest, type PlaytestInput } from '../playtest.ts';
import type { Scenario } from '../../roleplay/scenario/types.ts';
import type { CallState } from '../../roleplay/engine/index.ts';
import { AUTHORS, authoringOf, base, field, moduleIdOf, userOf } from './authoring-area.ts';

const NODE_EDIT_ERRORS = {
  file: 'authoring.scenario.errors.file',
  id: 'authoring.scenario.errors.id',
  yaml: 'authoring.scenario.errors.yaml',
  duplicate: 'authoring.scenario.errors.duplicate',
  missing: 'authoring.scenario.errors.missing',
} as const;

/** The role-play editor: one form per node, the graph, messages by node, and the play test. */
export function scenarioRoutes(ctx: AppContext): RouteSpec[] {
  const authoring = authoringOf(ctx);

  const scenarioText = async (moduleId: string, filePath: string) => {
    const draft = await authoring.draft(moduleId);
    const data = draft.files.get(filePath);
    if (!filePath.startsWith('roleplays/') || data === undefined) throw new NotFoundError();
    return { draft, text: data.toString('utf8') };
  };

  const render = async (res: Response, moduleId: string, filePath: string, extra: Record<string, unknown> = {}, status = 200) => {
    const { draft, text } = await scenarioText(moduleId, filePath);
    const model = checkScenario(moduleId, filePath, text, draft.files, await authoring.framework());
    const href = base(moduleId);
    res.status(status).render('authoring/scenario', {
      title: 'authoring.scenario.title',
      moduleId,
      href,
      path: filePath,
      fileHref: `${href}/file?path=${encodeURIComponent(filePath)}`,
      nodes: model.nodes.map((n) => ({ ...n, kindLabel: `authoring.nodeKind.${n.kind}`, rows: Math.min(30, n.yaml.split('\n').length + 1) })),
      otherErrors: model.otherErrors,
      readable: model.readable,
      valid: model.result.ok,
      svg: model.svg,
      ...extra,
    });
  };

  const pathOf = (source: unknown): string => {
    const p = field(source, 'path');
    if (p === '') throw new NotFoundError();
    return p;
  };

  const saveNode = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const { text } = await scenarioText(moduleId, filePath);
    const oldId = field(req.body, 'oldId');
    const edit = setNode(text, oldId === '' ? null : oldId, field(req.body, 'id').trim(), field(req.body, 'yaml'));
    if (!edit.ok) return render(res, moduleId, filePath, { nodeError: NODE_EDIT_ERRORS[edit.reason], nodeErrorFor: oldId || 'new' }, 400);
    await authoring.saveFile(moduleId, filePath, edit.text, userOf(req));
    res.redirect(303, `${base(moduleId)}/scenario?path=${encodeURIComponent(filePath)}&saved=1`);
  };

  const deleteNode = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const { text } = await scenarioText(moduleId, filePath);
    const edit = removeNode(text, field(req.body, 'id'));
    if (!edit.ok) return render(res, moduleId, filePath, { nodeError: NODE_EDIT_ERRORS[edit.reason] }, 400);
    await authoring.saveFile(moduleId, filePath, edit.text, userOf(req));
    res.redirect(303, `${base(moduleId)}/scenario?path=${encodeURIComponent(filePath)}&saved=1`);
  };

  /** The valid scenario of the draft, or a 409 page saying to fix it first. */
  const validScenario = async (moduleId: string, filePath: string) => {
    const { draft, text } = await scenarioText(moduleId, filePath);
    const model = checkScenario(moduleId, filePath, text, draft.files, await authoring.framework());
    if (!model.result.ok) throw new BadRequestError('authoring.playtest.invalid');
    return model.result.scenario;
  };

  const renderPlaytest = (res: Response, moduleId: string, filePath: string, scenario: Scenario, state: CallState, rejection = '', status = 200) => {
    res.status(status).render('authoring/playtest', {
      title: 'authoring.playtest.title',
      moduleId,
      href: base(moduleId),
      path: filePath,
      scenarioTitle: scenario.title,
      rejection,
      state: JSON.stringify(state),
      ...playtestView(scenario, state),
    });
  };

  const start = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const scenario = await validScenario(moduleId, filePath);
    renderPlaytest(res, moduleId, filePath, scenario, startPlaytest(scenario, ctx.clock().getTime()));
  };

  const turn = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const scenario = await validScenario(moduleId, filePath);
    const state = readPlaytestState(scenario, field(req.body, 'state'));
    const input = readInput(req.body);
    if (!state || !input) throw new BadRequestError();
    try {
      const step = playTurn(scenario, state, input, ctx.clock().getTime());
      if (!step.ok) return renderPlaytest(res, moduleId, filePath, scenario, state, step.rejection.message, 400);
      renderPlaytest(res, moduleId, filePath, scenario, step.state);
    } catch (err) {
      // The state comes from the trainer's own form: a hand-edited one that passed the shape
      // check but trips the engine is bad input, not a server fault.
      if (err instanceof TypeError) throw new BadRequestError();
      throw err;
    }
  };

  return [
    get('/trainer/authoring/:moduleId/scenario', AUTHORS, (req, res) => render(res, moduleIdOf(req), pathOf(req.query), { saved: req.query.saved === '1' })),
    post('/trainer/authoring/:moduleId/scenario/node', AUTHORS, saveNode),
    post('/trainer/authoring/:moduleId/scenario/node/delete', AUTHORS, deleteNode),
    post('/trainer/authoring/:moduleId/playtest', AUTHORS, start),
    post('/trainer/authoring/:moduleId/playtest/turn', AUTHORS, turn),
  ];
}

function readInput(body: unknown): PlaytestInput | null {
  const turn = Number(field(body, 'turn'));
  if (!Number.isInteger(turn) || turn < 0) return null;
  const kind = field(body, 'kind');
  if (kind === 'choice') {
    const choice = Number(field(body, 'choice'));
    return Number.isInteger(choice) ? { kind, turn, choice } : null;
  }
  if (kind === 'hold' || kind === 'transfer') return { kind, turn };
  if (kind === 'lookup') return { kind, turn, field: field(body, 'field') };
  if (kind === 'free') return { kind, turn, text: field(body, 'text') };
  return null;
}
