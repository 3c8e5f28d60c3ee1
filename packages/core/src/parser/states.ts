/**
 * goose's parser states, numbered as goose numbers them: the numbers appear in
 * goose's error messages (`stateMachine=2`, `state 4`), so they are API.
 */
export const STATE = {
  start: 0,
  up: 1,
  beginUp: 2,
  endUp: 3,
  down: 4,
  beginDown: 5,
  endDown: 6,
} as const;

export type ParserState = (typeof STATE)[keyof typeof STATE];
