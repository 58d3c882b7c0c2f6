/**
 * A problem with what the user asked for (no text, a file too large, a download refused): told to
 * them privately as it is, not as an apology, and logged at info level.
 */
export class SlackUserProblem extends Error {
  override readonly name = 'SlackUserProblem';
}
