import { expect } from 'chai';
import { cheerio, createUser, loginAs } from '../helpers/app.ts';
import { addItem, authoringFixture, createModule, type AuthoringFixture } from './support.ts';

describe('authoring: publishing while a learner is part way', () => {
  let f: AuthoringFixture;
  before(async () => {
    f = await authoringFixture();
  });
  after(() => f.t.close());

  it('the learner keeps the version they started; a new learner gets the new one', async () => {
    await createModule(f);
    await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction');
    await f.trainer.post('/trainer/authoring/mon-module/file').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md', content: 'Texte de la version une.\n' });
    await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });

    const origin = { ip: null, actorId: null };
    const cohort = await f.t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    const early = await createUser(f.t.ctx, 'learner', 'premier');
    const late = await createUser(f.t.ctx, 'learner', 'second');
    for (const u of [early, late]) await f.t.ctx.services.cohorts.addMember(cohort.id, u.id, origin);
    await f.t.ctx.learning.assignment.assign(cohort.id, [{ moduleId: 'mon-module', position: 1, prerequisiteModuleId: null }]);

    const earlyAgent = await loginAs(f.t.app, 'premier');
    const first = await earlyAgent.get('/learner/modules/mon-module/items/intro');
    expect(cheerio.load(first.text)('main').text()).to.contain('Texte de la version une.');

    await f.trainer.post('/trainer/authoring/mon-module/draft').type('form').send({ _csrf: f.csrf });
    await f.trainer.post('/trainer/authoring/mon-module/file').type('form').send({ _csrf: f.csrf, path: 'lessons/intro.md', content: 'Texte de la version deux.\n' });
    const published = await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    expect(published.headers.location).to.match(/published=2$/);

    const again = await earlyAgent.get('/learner/modules/mon-module/items/intro');
    expect(cheerio.load(again.text)('main').text()).to.contain('Texte de la version une.');
    expect((await f.t.ctx.learning.enrolments.find(early.id, 'mon-module'))?.version).to.equal(1);

    const lateAgent = await loginAs(f.t.app, 'second');
    const fresh = await lateAgent.get('/learner/modules/mon-module/items/intro');
    expect(cheerio.load(fresh.text)('main').text()).to.contain('Texte de la version deux.');
  });
});
