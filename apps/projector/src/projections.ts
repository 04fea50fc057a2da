import type { Projection } from './projection';
import { profileProjection } from './profile/profile.projection';

/** Every read model the projector maintains. */
export const PROJECTIONS: readonly Projection[] = [profileProjection as unknown as Projection];
