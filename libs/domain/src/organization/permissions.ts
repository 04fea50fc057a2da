/**
 * The access model API keys inherit: a role's permissions, plus permissions granted to the
 * member, minus those of features the organization has disabled. One pure function decides
 * it for people and keys alike.
 */
export const PERMISSIONS = [
  'org:read',
  'org:write',
  'members:read',
  'members:write',
  'api_keys:read',
  'api_keys:write',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'admin', 'developer', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const FEATURES = ['members', 'api_keys', 'audit'] as const;
export type Feature = (typeof FEATURES)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: [
    'org:read',
    'org:write',
    'members:read',
    'members:write',
    'api_keys:read',
    'api_keys:write',
    'audit:read',
  ],
  admin: [
    'org:read',
    'members:read',
    'members:write',
    'api_keys:read',
    'api_keys:write',
    'audit:read',
  ],
  developer: ['org:read', 'members:read', 'api_keys:read', 'api_keys:write'],
  viewer: ['org:read', 'members:read'],
  auditor: ['org:read', 'audit:read'],
};

export const FEATURE_PERMISSIONS: Readonly<Record<Feature, readonly Permission[]>> = {
  members: ['members:read', 'members:write'],
  api_keys: ['api_keys:read', 'api_keys:write'],
  audit: ['audit:read'],
};

export const isPermission = (value: unknown): value is Permission =>
  (PERMISSIONS as readonly unknown[]).includes(value);
export const isRole = (value: unknown): value is Role =>
  (ROLES as readonly unknown[]).includes(value);
export const isFeature = (value: unknown): value is Feature =>
  (FEATURES as readonly unknown[]).includes(value);

/** (role's ∪ granted) minus the disabled features', in the canonical order of PERMISSIONS. */
export function effectivePermissions(
  role: Role,
  granted: readonly Permission[],
  disabledFeatures: readonly Feature[],
): Permission[] {
  const held = new Set<Permission>([...ROLE_PERMISSIONS[role], ...granted]);
  for (const feature of disabledFeatures) {
    for (const permission of FEATURE_PERMISSIONS[feature]) held.delete(permission);
  }
  return PERMISSIONS.filter((permission) => held.has(permission));
}

/** Whether every permission of `wanted` is among `held`: no one hands out more than they have. */
export const coversAll = (held: readonly Permission[], wanted: readonly Permission[]): boolean =>
  wanted.every((permission) => held.includes(permission));
