/**
 * Associated data binding each ciphertext to its column and its person: a value moved to another column
 * or another person's row does not decrypt.
 */
export const nameField = (personId: string) => `persons.name:${personId}`;
export const cprField = (personId: string) => `persons.cpr:${personId}`;
