/** Who did something. `id` is an opaque user id, never a name or CPR number. */
export interface Actor {
  id: string;
}
