import { ConfigError, loadConfig } from './config';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('given nothing, runs the embedded profile on port 3000 with ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: 'sqlite',
      readStore: 'sqlite',
      bcryptCost: 12,
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('given bad values, lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', BCRYPT_COST: '3', EVENT_STORE: 'kafka' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(3);
    expect((error as Error).message).toContain('PORT');
  });

  it('given the distributed profile without its secrets and urls, refuses to start', () => {
    expect(() => loadConfig({ EVENT_STORE: 'esdb', READ_STORE: 'mongo' })).toThrow(
      /EVENTSTORE_URL[\s\S]*MONGO_URL[\s\S]*PEPPER/,
    );
  });

  it('given the distributed profile with everything, accepts it', () => {
    const config = loadConfig({
      EVENT_STORE: 'esdb',
      READ_STORE: 'mongo',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      MONGO_URL: 'mongodb://localhost:27017',
      PEPPER: key,
      MASTER_KEY: key,
    });
    expect(config).toMatchObject({ eventStore: 'esdb', readStore: 'mongo', pepper: key });
  });

  it('given a secret of the wrong size, refuses it', () => {
    expect(() => loadConfig({ PEPPER: 'c2hvcnQ=' })).toThrow(/PEPPER must be 32 bytes/);
  });
});
