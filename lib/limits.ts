/** Longest question a user may ask; the composer and the chat route both enforce it. */
export const MAX_QUESTION_CHARS = 4_000;
