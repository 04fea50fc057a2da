import type { ActiveAccount } from '@app/domain';
import type { ProfileDocument } from '@app/read-store/read-models/profile.read-model';

/** What `/me` answers, from the read model or from the state a command just produced. */
export interface ProfileView {
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly twoFactorEnabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const profileFromDocument = (doc: ProfileDocument): ProfileView => ({
  userId: doc.userId,
  email: doc.email,
  firstName: doc.firstName,
  lastName: doc.lastName,
  twoFactorEnabled: doc.twoFactorEnabled ?? false,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

export const profileFromState = (state: ActiveAccount): ProfileView => ({
  userId: state.userId,
  email: state.email ?? '',
  firstName: state.firstName ?? '',
  lastName: state.lastName ?? '',
  twoFactorEnabled: state.twoFactor.enabled,
  createdAt: state.registeredAt,
  updatedAt: state.updatedAt,
});
