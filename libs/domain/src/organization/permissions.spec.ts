import {
  effectivePermissions,
  FEATURE_PERMISSIONS,
  FEATURES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  type Feature,
  type Permission,
  type Role,
} from './permissions';

/** Every subset of the features, so each role is checked under every combination. */
const featureSubsets: Feature[][] = FEATURES.reduce<Feature[][]>(
  (subsets, feature) => [...subsets, ...subsets.map((subset) => [...subset, feature])],
  [[]],
);

const API_TABLE: Record<Role, string> = {
  owner: 'org:read org:write members:read members:write api_keys:read api_keys:write audit:read',
  admin: 'org:read members:read members:write api_keys:read api_keys:write audit:read',
  developer: 'org:read members:read api_keys:read api_keys:write',
  viewer: 'org:read members:read',
  auditor: 'org:read audit:read',
};

describe('effective permissions', () => {
  it.each(ROLES)('gives %s exactly the permissions of API.md', (role) => {
    expect(effectivePermissions(role, [], [])).toEqual(API_TABLE[role].split(' '));
  });

  describe.each(ROLES)('for a %s', (role) => {
    it.each(featureSubsets.map((subset) => [subset.join('+') || 'none', subset] as const))(
      'with disabled features %s, removes exactly those features',
      (_name, disabled) => {
        const removed = new Set(disabled.flatMap((feature) => FEATURE_PERMISSIONS[feature]));
        const expected = ROLE_PERMISSIONS[role].filter((permission) => !removed.has(permission));
        expect(effectivePermissions(role, [], disabled).sort()).toEqual([...expected].sort());
      },
    );

    it.each(PERMISSIONS.map((permission) => [permission] as const))(
      'granted %s, holds it unless its feature is disabled',
      (permission: Permission) => {
        expect(effectivePermissions(role, [permission], [])).toContain(permission);
        const feature = FEATURES.find((candidate) =>
          FEATURE_PERMISSIONS[candidate].includes(permission),
        );
        if (feature)
          expect(effectivePermissions(role, [permission], [feature])).not.toContain(permission);
        else expect(effectivePermissions(role, [permission], [...FEATURES])).toContain(permission);
      },
    );
  });

  it('never grants org:* through a feature switch (org access cannot be disabled)', () => {
    expect(effectivePermissions('viewer', [], [...FEATURES])).toEqual(['org:read']);
  });

  it('answers in the canonical order without duplicates', () => {
    expect(effectivePermissions('viewer', ['members:read', 'audit:read', 'org:read'], [])).toEqual([
      'org:read',
      'members:read',
      'audit:read',
    ]);
  });
});
