// LIKE patterns from user text: the user's % and _ match themselves.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export const likeContains = (text: string) => `%${escapeLike(text)}%`;
export const likePrefix = (text: string) => `${escapeLike(text)}%`;
