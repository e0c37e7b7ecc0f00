/** "1 post", "12,400 posts": a count with its noun, for the messages about a user's data. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : plural}`;
}
