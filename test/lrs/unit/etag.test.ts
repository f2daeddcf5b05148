import { expect } from 'chai';
import { etagOf, hasPrecondition, preconditionHolds } from '../../../src/lrs/documents/etag.ts';

describe('document ETags', () => {
  const tag = etagOf(Buffer.from('{"a":1}'));

  it('is the SHA-1 of the content', () => {
    expect(tag).to.match(/^[0-9a-f]{40}$/);
    expect(etagOf(Buffer.from('{"a":1}'))).to.equal(tag);
    expect(etagOf(Buffer.from('{"a":2}'))).to.not.equal(tag);
  });

  it('applies If-Match (quoted, weak, lists, *)', () => {
    expect(preconditionHolds({ ifMatch: `"${tag}"` }, tag)).to.equal(true);
    expect(preconditionHolds({ ifMatch: `W/"${tag}"` }, tag)).to.equal(true);
    expect(preconditionHolds({ ifMatch: `"x", "${tag}"` }, tag)).to.equal(true);
    expect(preconditionHolds({ ifMatch: '"other"' }, tag)).to.equal(false);
    expect(preconditionHolds({ ifMatch: '*' }, tag)).to.equal(true);
    expect(preconditionHolds({ ifMatch: '*' }, undefined)).to.equal(false);
  });

  it('applies If-None-Match', () => {
    expect(preconditionHolds({ ifNoneMatch: '*' }, undefined)).to.equal(true);
    expect(preconditionHolds({ ifNoneMatch: '*' }, tag)).to.equal(false);
    expect(preconditionHolds({ ifNoneMatch: `"${tag}"` }, tag)).to.equal(false);
    expect(preconditionHolds({}, tag)).to.equal(true);
    expect(hasPrecondition({})).to.equal(false);
    expect(hasPrecondition({ ifNoneMatch: '*' })).to.equal(true);
  });
});
