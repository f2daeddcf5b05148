/**
 * The trainer's word counts (issue 10): in the call review a trainer confirms or changes the
 * score of a typed answer. Through the real app and database: the learner plays a call whose
 * typed answer the rubric scores low, the trainer gives it 100 %, and the learner's debrief, the
 * competency evidence and the certificate preview change; the LRS holds the corrected closing
 * statement with the trainer as instructor and authority. Tampered forms store nothing.
 */
import { expect } from 'chai';
import type request from 'supertest';
import type { Statement } from '../../src/lrs/index.ts';
import { APPRAISAL_CRITERIA } from '../../src/server/certificates/appraisal.ts';
import { DEFAULT_ORGANISATION } from '../../src/server/certificates/organisation.ts';
import { learnerAgent, staffAgent } from '../../src/server/xapi/actor.ts';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { ACTIVITY_TYPES, EXTENSIONS, profileCategory, VERBS } from '../../src/server/xapi/vocabulary.ts';
import { readPdf } from '../certificates/pdf-text.ts';
import { binary } from '../certificates/download.ts';
import { cheerio, createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { MINI_LINES } from '../roleplay/helpers.ts';
import { callBed, page, postTurn, say, startTestCall, statementsOf, storedCall, type CallBed } from './support.ts';

type Json = Record<string, unknown>;
const field = (s: Statement, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), s);
const verbOf = (s: Statement) => String(field(s, 'verb', 'id'));
const CLOSING: ReadonlySet<string> = new Set([VERBS.passed.id, VERBS.failed.id, VERBS.completed.id]);
/** The PDF line of a competency, e.g. "CCP1.1 Accueillir le client et identifier sa demande Acquise". */
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const lineOf = (text: string, code: string) => text.split('\n').find((l) => l.startsWith(`${code} `))?.trim() ?? '';

describe('calls: a trainer re-scores a typed answer (HTTP, real database)', function () {
  this.timeout(120_000);
  let bed: CallBed;
  let trainer: request.Agent;
  let trainerId: string;
  let registration: string;
  let callId: string;
  let moduleScaled = 0;
  /** The module's passed/failed statement (the module holds only this call). */
  const moduleResult = async () => {
    const all = (await bed.t.ctx.lrs.service.queryStatements({ agent: learnerAgent(bed.t.ctx.config.baseUrl, bed.learnerId), limit: 500 })).statements;
    const module = all.find((s) => field(s, 'object', 'definition', 'type') === ACTIVITY_TYPES.module && CLOSING.has(verbOf(s)));
    return Number(field(module as Statement, 'result', 'score', 'scaled'));
  };
  const review = () => `/trainer/calls/${registration}`;
  const rescoreRows = () => bed.t.ctx.database.db.selectFrom('call_rescores').selectAll().execute();
  const closings = async () => (await statementsOf(bed.t, registration)).filter((s) => CLOSING.has(verbOf(s)));
  const ccp11 = async () => (await bed.t.ctx.certificates.release.review(bed.learnerId)).evidence.competencies.find((c) => c.code === 'CCP1.1');
  const previewText = async () => (await readPdf((await trainer.get(`/trainer/release/${bed.learnerId}/preview.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer)).text;
  const post = async (agent: request.Agent, form: Record<string, string>) => agent.post(`${review()}/rescores`).type('form').send({ _csrf: await csrfFrom(agent, review()), ...form });

  before(async () => {
    bed = await callBed();
    const t = bed.t;
    const [cohort] = await t.ctx.repositories.cohorts.cohortsOf(bed.learnerId);
    const claire = await createUser(t.ctx, 'trainer', 'formatrice', undefined, 'Claire Formatrice');
    await t.ctx.repositories.cohorts.addMember(cohort!.id, claire.id, 'trainer');
    trainerId = claire.id;
    trainer = await loginAs(t.app, 'formatrice');
    const [otherCohort] = await t.ctx.repositories.cohorts.cohortsOf(bed.otherId);
    const other = await createUser(t.ctx, 'trainer', 'autre-formateur');
    await t.ctx.repositories.cohorts.addMember(otherCohort!.id, other.id, 'trainer');

    // The learner plays the call through the player; the typed answer misses what the rubric wants.
    bed.at(0);
    callId = await startTestCall(bed.learner);
    registration = (await storedCall(t, callId)).registration;
    bed.at(8);
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    bed.at(15);
    await postTurn(bed.learner, callId, { turn: 1, action: 'lookup', field: 'livraison' }).then((r) => expect(r.status).to.equal(303));
    bed.at(25);
    await say(bed.learner, callId, 2, MINI_LINES.answer).then((r) => expect(r.status).to.equal(303));
    bed.at(50);
    await postTurn(bed.learner, callId, { turn: 3, response: 'Je regarde ça pour vous tout de suite.' }).then((r) => expect(r.status).to.equal(303));
    expect((await storedCall(t, callId)).status).to.equal('completed');

    // A second activity for CCP1.1 (a quiz at 70 %), so that the call's score decides its level.
    const ids = activityIds(t.ctx.config.baseUrl);
    await t.ctx.lrs.service.storeStatements([
      {
        actor: learnerAgent(t.ctx.config.baseUrl, bed.learnerId),
        verb: { id: VERBS.passed.id, display: { 'fr-FR': 'a réussi' } },
        object: { objectType: 'Activity', id: ids.item('appels-essai', 'quiz-accueil'), definition: { type: ACTIVITY_TYPES.quiz } },
        result: { score: { scaled: 0.7 }, success: true, completion: true },
        context: { contextActivities: { parent: [{ id: ids.module('appels-essai') }], category: [profileCategory()] }, extensions: { [EXTENSIONS.competencies]: ['CCP1.1'] } },
        timestamp: '2026-11-25T10:00:00.000Z',
      },
    ]);
    // What the certificate preview needs: the organisation, a leaving date, the appraisal.
    await t.ctx.certificates.organisation.save({ ...DEFAULT_ORGANISATION, name: 'Association Cap Avenir', addressLines: ['12 rue des Lilas'], city: 'Lyon', signatoryName: 'Claire Martin', signatoryTitle: 'Directrice' });
    await t.ctx.certificates.release.setLeavingDate(bed.learnerId, '2026-11-27', trainerId);
    await t.ctx.certificates.release.saveAppraisal(bed.learnerId, APPRAISAL_CRITERIA.map((criterion) => ({ criterion, level: 'satisfaisant', text: 'Sérieux.' })), trainerId);
  });
  after(() => bed.close());

  it('before: the rubric scored the typed answer low; the review page offers its score to confirm or change', async () => {
    const $ = page((await trainer.get(review()).expect(200)).text);
    const forms = $('form.rescore-form');
    expect(forms).to.have.length(1);
    expect(forms.find('input[name=turn]').val()).to.equal('3');
    const auto = Number(forms.find('input[name=percent]').val());
    expect(auto).to.be.below(40);
    expect(forms.find('.rescore-auto').text()).to.equal(`Note automatique : ${auto} %`);
    const debrief = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect(debrief('.debrief-outcome').text()).not.to.contain('Score : 100 %');
    expect(debrief('.debrief-trainer-score')).to.have.length(0);
    expect((await ccp11())?.level).to.equal('en_cours');
    expect(lineOf(await previewText(), 'CCP1.1')).to.equal("CCP1.1 Accueillir le client et identifier sa demande En cours d'acquisition");
  });

  it('a re-score to 100 % changes the debrief, the evidence and the certificate preview, and is in the LRS with the trainer', async () => {
    const res = await post(trainer, { turn: '3', percent: '100' });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal(`${review()}?rescored=1#turn-3`);

    const rows = await rescoreRows();
    expect(rows.map((r) => ({ turn: Number(r.turn), percent: Number(r.percent), revision: Number(r.revision), reviewer: r.reviewer_id }))).to.deep.equal([{ turn: 3, percent: 100, revision: 1, reviewer: trainerId }]);

    // The LRS: the original closing statement and the corrected one, by the trainer.
    const [original, corrected] = (await closings()).sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    expect(corrected, 'corrected closing statement').to.not.equal(undefined);
    expect(corrected!.actor).to.deep.equal(learnerAgent(bed.t.ctx.config.baseUrl, bed.learnerId));
    expect(field(corrected!, 'context', 'instructor')).to.deep.equal(staffAgent(bed.t.ctx.config.baseUrl, trainerId));
    expect(field(corrected!, 'authority', 'objectType')).to.equal('Group');
    expect(field(corrected!, 'authority', 'member')).to.deep.include(staffAgent(bed.t.ctx.config.baseUrl, trainerId));
    expect(field(corrected!, 'result', 'score', 'scaled')).to.equal(1);
    expect(field(corrected!, 'result', 'extensions', EXTENSIONS.trainerScores)).to.deep.equal([{ turn: 3, percent: 100 }]);
    expect(field(corrected!, 'result', 'duration')).to.equal(undefined);
    expect(field(corrected!, 'context', 'registration')).to.equal(registration);
    expect(Date.parse(String(corrected!.timestamp)) - Date.parse(String(original!.timestamp))).to.equal(1);
    expect(field(original!, 'result', 'score', 'scaled')).to.be.below(1);

    // The learner's debrief.
    const debrief = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect(debrief('.debrief-outcome').text()).to.contain('Score : 100 %');
    expect(debrief('.debrief-trainer-score').text()).to.equal('Note revue par votre formateur : 100 % pour cette réponse.');
    expect(debrief('.debrief-turn').last().text()).to.contain('4 point(s) sur 4');

    // The evidence: CCP1.1 = mean of the call (4/4 now), the quiz (0.7) and the module's result
    // (written when the module was completed, from the rubric's score: a re-score does not rewrite it).
    moduleScaled = await moduleResult();
    const evidence = await ccp11();
    expect(evidence).to.include({ level: 'acquis', evidenceCount: 3, averageScaled: round3((1 + 0.7 + moduleScaled) / 3) });
    const { roleplay, practice } = (await bed.t.ctx.certificates.release.review(bed.learnerId)).evidence;
    expect(roleplay).to.include({ calls: 1, averageScaled: 1 });
    expect(practice.calls).to.equal(1);

    // The certificate preview.
    expect(lineOf(await previewText(), 'CCP1.1')).to.equal('CCP1.1 Accueillir le client et identifier sa demande Acquise');

    // The review page shows the trainer's score.
    const $ = page((await trainer.get(`${review()}?rescored=1`).expect(200)).text);
    expect($('.rescore-trainer').text()).to.equal('Votre note : 100 %');
    expect($('form.rescore-form input[name=percent]').val()).to.equal('100');
  });

  it('a double submit stores nothing new', async () => {
    expect((await post(trainer, { turn: '3', percent: '100' })).status).to.equal(303);
    await Promise.all([post(trainer, { turn: '3', percent: '100' }), post(trainer, { turn: '3', percent: '100' })]);
    expect(await rescoreRows()).to.have.length(1);
    expect(await closings()).to.have.length(2);
  });

  it('tampered forms get a translated error and store nothing', async () => {
    const before = (await statementsOf(bed.t, registration)).length;
    const cases: Array<[Record<string, string>, string]> = [
      [{ turn: '3', percent: '150' }, 'La note doit être un nombre entier entre 0 et 100.'],
      [{ turn: '3', percent: '-5' }, 'La note doit être un nombre entier entre 0 et 100.'],
      [{ turn: '3', percent: '12.5' }, 'La note doit être un nombre entier entre 0 et 100.'],
      [{ turn: '3', percent: 'cent' }, 'La note doit être un nombre entier entre 0 et 100.'],
      [{ turn: '3' }, 'La note doit être un nombre entier entre 0 et 100.'],
      [{ turn: '0', percent: '50' }, "Cette réponse saisie n'existe pas dans cet appel."],
      [{ turn: '42', percent: '50' }, "Cette réponse saisie n'existe pas dans cet appel."],
      [{ turn: 'x', percent: '50' }, "Cette réponse saisie n'existe pas dans cet appel."],
    ];
    for (const [form, message] of cases) {
      const res = await post(trainer, form);
      expect(res.status, JSON.stringify(form)).to.equal(400);
      expect(cheerio.load(res.text)('.rescore-errors').text(), JSON.stringify(form)).to.contain(message);
    }
    // In English when the trainer chose English.
    await trainer.get(`${review()}?lang=en`).expect(200);
    const english = await post(trainer, { turn: '3', percent: '101' });
    expect(english.status).to.equal(400);
    expect(cheerio.load(english.text)('.rescore-errors').text()).to.contain('The score must be a whole number between 0 and 100.');
    await trainer.get(`${review()}?lang=fr`).expect(200);

    // Another trainer's learner: refused, translated, nothing stored.
    const outsider = await loginAs(bed.t.app, 'autre-formateur');
    const csrf = await csrfFrom(outsider, '/trainer/calls');
    const foreign = await outsider.post(`${review()}/rescores`).type('form').send({ _csrf: csrf, turn: '3', percent: '0' });
    expect(foreign.status).to.equal(403);
    expect(cheerio.load(foreign.text)('main').text()).to.contain("Ce stagiaire n'est pas dans l'un de vos groupes.");

    expect(await rescoreRows()).to.have.length(1);
    expect((await statementsOf(bed.t, registration)).length).to.equal(before);
    expect((await ccp11())?.averageScaled).to.equal(round3((1 + 0.7 + moduleScaled) / 3));
  });

  it('the trainer can lower the score again: the latest revision is in effect everywhere', async () => {
    expect((await post(trainer, { turn: '3', percent: '0' })).status).to.equal(303);
    const rows = await rescoreRows();
    expect(rows.map((r) => [Number(r.revision), Number(r.percent)]).sort()).to.deep.equal([[1, 100], [2, 0]]);
    expect(await closings()).to.have.length(3);
    // CCP1.1: the call is worth 2/4 now (the greeting only), with the quiz (0.7) and the module's result.
    expect(await ccp11()).to.include({ level: 'en_cours', averageScaled: round3((0.5 + 0.7 + moduleScaled) / 3) });
    const debrief = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect(debrief('.debrief-trainer-score').text()).to.equal('Note revue par votre formateur : 0 % pour cette réponse.');
  });
});
