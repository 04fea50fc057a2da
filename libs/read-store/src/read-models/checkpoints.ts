/** The projector's checkpoint; read-your-writes and /health read it too. */
export const PROJECTOR_CHECKPOINT = 'projector';

/** The reactor's checkpoint: cascades run from here, after the projector has passed them. */
export const REACTOR_CHECKPOINT = 'reactor';
