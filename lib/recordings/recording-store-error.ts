/** A refusal with the HTTP status the API answers it with and a sentence for the screen. */
export class RecordingStoreError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "RecordingStoreError";
  }
}
