// The client's own parser, so the test reads the settings the client will use.
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { KEEP_ALIVE_DEFAULTS, withKeepAliveDefaults } from './esdb-event-store';

describe('EventStoreDB connection settings', () => {
  it('given a connection string without keepalive, then a silent connection is noticed within seconds, not 10 s + 10 s', () => {
    const settings = parseConnectionString(
      withKeepAliveDefaults('esdb://eventstore:2113?tls=false'),
    );

    expect(settings).toMatchObject({
      hosts: [{ address: 'eventstore', port: 2113 }],
      tls: false,
      ...KEEP_ALIVE_DEFAULTS,
    });
    expect(
      KEEP_ALIVE_DEFAULTS.keepAliveInterval + KEEP_ALIVE_DEFAULTS.keepAliveTimeout,
    ).toBeLessThanOrEqual(5_000);
  });

  it("given the operator's own keepalive, then it is kept", () => {
    const settings = parseConnectionString(
      withKeepAliveDefaults('esdb://a:2113,b:2113?KeepAliveTimeout=500&tls=false'),
    );

    expect(settings).toMatchObject({
      keepAliveTimeout: 500,
      keepAliveInterval: KEEP_ALIVE_DEFAULTS.keepAliveInterval,
    });
  });

  it('given no query at all, then the defaults form one', () => {
    expect(withKeepAliveDefaults('esdb://localhost:2113')).toBe(
      'esdb://localhost:2113?keepAliveInterval=2000&keepAliveTimeout=2000',
    );
  });
});
