/** The projector's checkpoint; read-your-writes and /health read it too. */
export const PROJECTOR_CHECKPOINT = 'projector';
