/** Reads until `done` says so, every 100 ms, at most about `attempts` times; answers the last value read. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 100): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (done(value) || attempt > attempts) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
