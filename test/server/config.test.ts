import { expect } from 'chai';
import { ConfigError, parseConfig } from '../../src/server/config.ts';

describe('config', () => {
  it('has safe defaults', () => {
    const config = parseConfig({});
    expect(config.port).to.equal(3000);
    expect(config.databaseUrl).to.equal('sqlite:data/tremplin.db');
    expect(config.baseUrl).to.equal('http://localhost:3000');
    expect(config.sessionSecret).to.equal(undefined);
    expect(config.learnerIdleMinutes).to.equal(15);
    expect(config.staffIdleMinutes).to.equal(480);
    expect(config.trustProxy).to.equal(false);
    expect(config.lrsBodyLimitBytes).to.equal(20 * 1024 * 1024);
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/tremplin',
      BASE_URL: 'https://tremplin.example/',
      SESSION_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
      TRUST_PROXY: '1',
      LEARNER_IDLE_MINUTES: '10',
    });
    expect(config).to.include({ port: 8080, databaseUrl: 'postgres://u@db/tremplin', baseUrl: 'https://tremplin.example', logLevel: 'debug', trustProxy: 1, learnerIdleMinutes: 10 });
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['a port that is not a number', { PORT: 'abc' }, /PORT must be a whole number/],
    ['a port out of range', { PORT: '70000' }, /PORT must be between 1 and 65535/],
    ['an unknown database', { DATABASE_URL: 'mongodb://x' }, /DATABASE_URL must be sqlite:<path> or postgres/],
    ['a relative BASE_URL', { BASE_URL: 'tremplin.local' }, /BASE_URL must be an absolute http\(s\) URL/],
    ['a BASE_URL with another scheme', { BASE_URL: 'ftp://x' }, /BASE_URL must start with http/],
    ['a short SESSION_SECRET', { SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32/],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    ['a bad TRUST_PROXY', { TRUST_PROXY: '$$$' }, /TRUST_PROXY must be/],
  ];
  for (const [what, env, message] of bad) {
    it(`rejects ${what} with one clear message`, () => {
      expect(() => parseConfig(env)).to.throw(ConfigError, message);
    });
  }
});
