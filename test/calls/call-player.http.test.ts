import { expect } from 'chai';
import { EXTENSIONS, VERBS } from '../../src/server/xapi/vocabulary.ts';
import type { Statement } from '../../src/lrs/index.ts';
import { MINI_LINES } from '../roleplay/helpers.ts';
import { callBed, FIRST_LINE_WAV, ITEM_ID, MODULE_ID, page, postTurn, say, startTestCall, statementsOf, storedCall, type CallBed } from './support.ts';

const verbOf = (s: Statement) => (s.verb as { id: string }).id;
/** A statement read as the shape the test expects. */
const as = <T,>(s: Statement | undefined) => s as unknown as T;

describe('call player (HTTP)', function () {
  // Each test builds a fresh app, imports a module and logs two learners in: slow on a busy machine.
  this.timeout(60_000);
  let bed: CallBed;
  beforeEach(async () => {
    bed = await callBed();
    bed.at(0);
  });
  afterEach(() => bed.close());

  it('plays a call through to the debrief, one statement per learner turn plus the closing one', async () => {
    const intro = page((await bed.learner.get(`/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`).expect(200)).text);
    expect(intro('h1').text()).to.contain('Appel de test');
    expect(intro('button[type=submit]').last().text()).to.contain('Décrocher');

    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);

    bed.at(4);
    let $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-line p').first().text()).to.equal("Bonjour, j'appelle pour ma commande.");
    const audioUrl = $('audio.call-audio').attr('src') as string;
    expect(audioUrl).to.match(new RegExp(`^/learner/calls/${callId}/audio/[0-9a-f]{64}$`));
    const audio = await bed.learner.get(audioUrl).buffer(true).expect(200);
    expect(audio.headers['content-type']).to.match(/^audio\/wav/);
    expect(Buffer.compare(audio.body as Buffer, FIRST_LINE_WAV)).to.equal(0);
    expect($('[data-call-timer]').text()).to.equal('0:04');
    expect($('#mood-meter').attr('value')).to.equal('50');
    expect($('.call-mood strong').text()).to.equal('neutre');
    expect($('.record-fields dd').first().text().trim()).to.equal('Lucie Martin');
    expect($('.call-deadline').text()).to.contain('20 secondes');
    expect($('button[name=choice]')).to.have.length(2);

    bed.at(8);
    let res = await say(bed.learner, callId, 0, MINI_LINES.greeting);
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal(`/learner/calls/${callId}`);

    $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-line p').first().text()).to.equal('Quand est-ce que je serai livrée ?');
    const answerLine = $('button[name=choice]').filter((_, el) => $(el).text().trim() === MINI_LINES.answer);
    expect(answerLine.is('[disabled]')).to.equal(true);
    expect($(`#missing-${String(answerLine.val())}`).text()).to.contain('Date de livraison');
    expect($('button[value=hold]')).to.have.length(1);
    expect($('button[value=transfer]').text()).to.contain('Service logistique');

    bed.at(15);
    await postTurn(bed.learner, callId, { turn: 1, action: 'lookup', field: 'livraison' }).then((r) => expect(r.status).to.equal(303));
    $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.record-fields').text()).to.contain('12 mars');
    expect($('button[name=choice]').filter((_, el) => $(el).text().trim() === MINI_LINES.answer).is('[disabled]')).to.equal(false);

    bed.at(25);
    await say(bed.learner, callId, 2, MINI_LINES.answer).then((r) => expect(r.status).to.equal(303));
    $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('textarea[name=response]')).to.have.length(1);

    bed.at(50);
    res = await postTurn(bed.learner, callId, { turn: 3, response: 'Je vous confirme, madame, que votre colis sera livré le 12 mars. Merci.' });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal(`/learner/calls/${callId}/debrief`);
    expect((await storedCall(bed.t, callId)).status).to.equal('completed');

    await bed.t.ctx.calls.reviews.add({ registration, userId: bed.learnerId, reviewerId: bed.otherId, grid: { accueil: 'acquis' }, comment: 'Très bonne reformulation.' });
    $ = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect($('.debrief-outcome h2').text()).to.equal('Demande résolue');
    expect($('.debrief-outcome').text()).to.contain('Réussi');
    expect($('.score-table').first().find('tbody tr')).to.have.length(3);
    expect($('.score-table meter').length).to.be.greaterThan(3);
    expect($('.tiles').text()).to.contain('0 min 50 s').and.contain('Cible : 2 min 0 s').and.contain('dans la cible').and.contain('Oui');
    expect($('.debrief-turn')).to.have.length(4);
    expect($('.debrief-turn').first().text()).to.contain('Présentation complète.');
    expect($('#reviews-title').closest('section').text()).to.contain('Très bonne reformulation.');
    expect($('form[action="/learner/calls/start"] button').text()).to.contain('Réessayer');

    const statements = await statementsOf(bed.t, registration);
    // The pickup, four learner turns (greeting, look-up, answer, free response) and the completion.
    expect(statements.map(verbOf).sort()).to.deep.equal([VERBS.initialized.id, VERBS.answered.id, VERBS.answered.id, VERBS.answered.id, VERBS.interacted.id, VERBS.passed.id].sort());
    const turns = statements.filter((s) => [VERBS.answered.id, VERBS.interacted.id].includes(verbOf(s) as never));
    expect(turns.map((s) => (s.context as { extensions: Record<string, unknown> }).extensions[EXTENSIONS.turn]).sort()).to.deep.equal([0, 1, 2, 3]);
    const closing = as<{ object: { id: string }; result: { success: boolean; duration: string; extensions: Record<string, unknown> } }>(statements.find((s) => verbOf(s) === VERBS.passed.id));
    expect(closing.object.id).to.equal(`http://tremplin.test/xapi/activities/modules/${MODULE_ID}/items/${ITEM_ID}`);
    expect(closing.result.success).to.equal(true);
    expect(closing.result.duration).to.equal('PT50S');
    expect(closing.result.extensions[EXTENSIONS.indicators]).to.deep.include({ ahtSeconds: 50, targetSeconds: 120, fcr: true });
    for (const s of statements) expect((s.context as { registration: string }).registration).to.equal(registration);

    // The learning area's progress projection reads these statements with no extra code.
    const progress = await bed.t.ctx.learning.progress.find(bed.learnerId, MODULE_ID, ITEM_ID);
    expect(progress).to.include({ status: 'passed', scoreScaled: 1, attempts: 1, durationSeconds: 50, lastRegistration: registration });
  });

  it('shows the lines in the order of this call, the same on reload; the statement and the debrief keep that order', async () => {
    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);
    const onScreen = async () => {
      const $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
      return $('button[name=choice]').map((_, el) => ({ text: $(el).text().trim(), value: String($(el).val()) })).get();
    };
    const first = await onScreen();
    expect(first.map((l) => l.text).sort()).to.deep.equal([MINI_LINES.rude, MINI_LINES.greeting].sort());
    expect(first.map((l) => l.value)).to.deep.equal(['0', '1']);
    expect(await onScreen()).to.deep.equal(first);
    bed.at(6);
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    const answered = (await statementsOf(bed.t, registration)).find((s) => verbOf(s) === VERBS.answered.id);
    const context = as<{ context: { extensions: Record<string, unknown> }; object: { definition: { choices: Array<{ id: string; description: Record<string, string> }> } }; result: { response: string } }>(answered);
    // The definition keeps the author's order; the context says what the screen showed.
    expect(context.object.definition.choices.map((c) => c.description['fr-FR'])).to.deep.equal([MINI_LINES.greeting, MINI_LINES.rude]);
    expect(context.result.response).to.equal('choix-1');
    const idOf = new Map<string, string>([[MINI_LINES.greeting, 'choix-1'], [MINI_LINES.rude, 'choix-2']]);
    expect(context.context.extensions[EXTENSIONS.choicesShown]).to.deep.equal(first.map((l) => idOf.get(l.text)));

    bed.at(10);
    await postTurn(bed.learner, callId, { turn: 1, action: 'transfer' }).then((r) => expect(r.status).to.equal(303));
    const $ = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    const shown = $('.debrief-turn').first().find('.debrief-shown li');
    expect(shown.map((_, el) => $(el).text().replace(/\s*\(votre choix\)$/, '').trim()).get()).to.deep.equal(first.map((l) => l.text));
    expect(shown.filter('.shown-chosen').text()).to.contain(MINI_LINES.greeting);
  });

  it('keeps a call to resume later, and starting again returns the same call', async () => {
    const callId = await startTestCall(bed.learner);
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    expect(await startTestCall(bed.learner)).to.equal(callId);

    const list = page((await bed.learner.get('/learner/calls').expect(200)).text);
    const row = list('tbody tr');
    expect(row).to.have.length(1);
    expect(row.text()).to.contain('Appel de test').and.contain('En cours');
    expect(row.find(`a[href="/learner/calls/${callId}"]`).text()).to.contain('Reprendre');

    const intro = page((await bed.learner.get(`/learner/calls/start?module=${MODULE_ID}&item=${ITEM_ID}`).expect(200)).text);
    expect(intro(`a[href="/learner/calls/${callId}"]`).text()).to.contain('Reprendre');

    const $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-line p').first().text()).to.equal('Quand est-ce que je serai livrée ?');
    expect($('input[name=turn]').first().val()).to.equal('1');
  });

  it('abandons a call: recorded as abandoned in the LRS, then closed to further answers', async () => {
    const callId = await startTestCall(bed.learner);
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    bed.at(30);
    const list = page((await bed.learner.get('/learner/calls').expect(200)).text);
    expect(list(`a[href="/learner/calls/${callId}/abandon"]`).text()).to.contain('Abandonner');
    // Hanging up asks first: the page offers to go back to the call.
    const confirm = page((await bed.learner.get(`/learner/calls/${callId}/abandon`).expect(200)).text);
    expect(confirm('main').text()).to.contain('Voulez-vous vraiment raccrocher et abandonner l’appel « Appel de test » ?');
    expect(confirm(`a[href="/learner/calls/${callId}"]`)).to.have.length(1);
    expect((await storedCall(bed.t, callId)).status).to.equal('in_progress');
    const csrf = confirm('form[action$="/abandon"] input[name=_csrf]').val() as string;
    const res = await bed.learner.post(`/learner/calls/${callId}/abandon`).type('form').send({ _csrf: csrf });
    expect(res.status).to.equal(303);
    const stored = await storedCall(bed.t, callId);
    expect(stored.status).to.equal('abandoned');
    const statements = await statementsOf(bed.t, stored.registration);
    expect(statements.map(verbOf).sort()).to.deep.equal([VERBS.initialized.id, VERBS.answered.id, VERBS.abandoned.id].sort());
    const abandoned = as<{ result: { duration: string; extensions: Record<string, unknown> } }>(statements.find((s) => verbOf(s) === VERBS.abandoned.id));
    expect(abandoned.result.duration).to.equal('PT30S');
    expect(abandoned.result.extensions[EXTENSIONS.outcome]).to.equal('abandoned');

    await bed.learner.get(`/learner/calls/${callId}`).expect(303).expect('location', `/learner/calls/${callId}/debrief`);
    const $ = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect($('.debrief-outcome').text()).to.contain('abandonné');

    const late = await postTurn(bed.learner, callId, { turn: 1, choice: 1 });
    expect(late.status).to.equal(409);
    expect(page(late.text)('main').text()).to.contain('Cet appel est terminé.');
    expect(await statementsOf(bed.t, stored.registration)).to.have.length(3);
  });

  it('enforces the turn time limit with the server clock: early timeouts are refused, late answers follow the silence', async () => {
    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);
    bed.at(10);
    const early = await postTurn(bed.learner, callId, { turn: 0, action: 'timeout' });
    expect(early.status).to.equal(409);
    expect(page(early.text)('#call-error').text()).to.contain('pas encore écoulé');
    expect((await statementsOf(bed.t, registration)).map(verbOf)).to.deep.equal([VERBS.initialized.id]);

    bed.at(21);
    await postTurn(bed.learner, callId, { turn: 0, action: 'timeout' }).then((r) => expect(r.status).to.equal(303));
    const $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-line p').first().text()).to.equal('Allô ? Vous êtes là ?');
    expect($('.call-deadline')).to.have.length(0);
    const statements = await statementsOf(bed.t, registration);
    const silence = statements.filter((s) => verbOf(s) === VERBS.answered.id);
    expect(silence).to.have.length(1);
    expect(as<{ result: { response: string } }>(silence[0]).result.response).to.equal('');
  });

  it('plays the silence when the page is opened after the limit, and counts a late answer after it', async () => {
    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);
    bed.at(25);
    const $ = page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
    expect($('.call-line p').first().text()).to.equal('Allô ? Vous êtes là ?');
    expect($('#mood-meter').attr('value')).to.equal('40');
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    const turns = (await statementsOf(bed.t, registration)).filter((s) => verbOf(s) === VERBS.answered.id);
    const responses = turns.map((s) => as<{ result: { response: string } }>(s).result.response).sort();
    expect(responses).to.deep.equal(['', 'choix-1']);
  });

  it('transfers a call: an action statement, an escalated ending, no first-contact resolution', async () => {
    const callId = await startTestCall(bed.learner);
    const { registration } = await storedCall(bed.t, callId);
    bed.at(5);
    await say(bed.learner, callId, 0, MINI_LINES.greeting).then((r) => expect(r.status).to.equal(303));
    bed.at(40);
    const res = await postTurn(bed.learner, callId, { turn: 1, action: 'transfer' });
    expect(res.headers.location).to.equal(`/learner/calls/${callId}/debrief`);
    const $ = page((await bed.learner.get(`/learner/calls/${callId}/debrief`).expect(200)).text);
    expect($('.debrief-outcome h2').text()).to.equal('Appel transféré');
    expect($('.tiles').text()).to.contain('Non');
    expect($('.debrief-turn').last().find('.alert-info').text()).to.contain('Mieux').and.contain('Votre commande sera livrée le 12 mars.');
    const statements = await statementsOf(bed.t, registration);
    const transfer = statements.find((s) => verbOf(s) === VERBS.interacted.id);
    expect(as<{ result: { response: string } }>(transfer).result.response).to.equal('transfer');
    const closing = as<{ result: { extensions: Record<string, unknown> } }>(statements.find((s) => ([VERBS.passed.id, VERBS.failed.id] as string[]).includes(verbOf(s))));
    expect(closing.result.extensions[EXTENSIONS.outcome]).to.equal('escalated');
    expect(closing.result.extensions[EXTENSIONS.indicators]).to.deep.include({ fcr: false, ahtSeconds: 40 });
  });
});
