/**
 * The answers of API.md, written by hand. They stand in wherever the generated document does
 * not describe a response yet (see `Typed` in client.ts); once it does, its types win.
 */
export interface ProfileView {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  twoFactorEnabled?: boolean;
  createdAt: string;
  updatedAt: string;
}
export type Theme = 'system' | 'light' | 'dark';
export interface PreferencesView {
  theme: Theme;
}
export interface PolicyView {
  rules: { id: string; label: string }[];
}
export interface CheckView {
  valid: boolean;
  rules: { id: string; label: string; met: boolean }[];
}
export interface LoginView {
  accessToken?: string;
  mfaRequired?: boolean;
  mfaToken?: string;
  expiresAt: string;
}
export interface SessionView {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  current: boolean;
}
export interface SessionsView {
  items: SessionView[];
}
export interface SecurityLogView {
  items: { type: string; occurredAt: string; details?: unknown }[];
  next?: string | null;
}
export interface TotpSetupView {
  secret: string;
  otpauthUrl: string;
}
export interface RecoveryCodesView {
  recoveryCodes: string[];
}
export interface OrganizationsView {
  items: { organizationId: string; name: string; role: string }[];
}
export interface CreatedOrganizationView {
  organizationId: string;
  name: string;
}
export interface ApiKeyRowView {
  id: string;
  description: string;
  maskedKey: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string | null;
}
export interface ApiKeysView {
  items: ApiKeyRowView[];
}
export interface ApiKeyDetailsView extends ApiKeyRowView {
  ownerId: string;
  permissions: string[];
}
export interface CreatedKeyView extends ApiKeyRowView {
  key: string;
  rolledFrom?: string;
}
export interface DeletionPreviewView {
  confirmationPhrase: string;
  consequences: {
    apiKeys: number;
    organizations: { organizationId: string; name: string; role: string }[];
    blockingOrganizations: { organizationId: string; name: string; role?: string }[];
  };
}
export interface ProblemView {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string; rule: string }[];
}
