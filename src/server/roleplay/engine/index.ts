// The role-play engine's public surface, for the call player and the debrief page.
export type { CallState, LearnerAnswer, Tally, TranscriptEntry } from './call-state.ts';
export type { Rejection, RejectionCode, Step } from './step.ts';
export { startCall } from './start-call.ts';
export { applyChoice, applyAction, type ChoiceInput, type ActionInput } from './apply-option.ts';
export { applyFreeResponse, MAX_RESPONSE_LENGTH, type FreeResponseInput, type Grader } from './apply-free-response.ts';
export { applyTimeout } from './apply-timeout.ts';
export { availableActions, type AvailableActions, type OfferedOption } from './available-actions.ts';
export { bestOption, debrief, type CallFault, type Debrief, type ScoreLine, type TurnReview } from './debrief.ts';
export { settleTimeouts } from './timeouts.ts';
export { stateFitsScenario, visibleRecord, type VisibleField } from './visible-record.ts';
export { shownOrder } from './shown-order.ts';
export { turnDeadline } from './turn-deadline.ts';
