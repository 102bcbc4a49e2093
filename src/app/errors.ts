/** A file that could not be read: `message` is Vietnamese and names the file. */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
  constructor(
    readonly fileName: string,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Runs `read`, turning the reader's WorkbookReadError into a FileReadError naming the file. */
export function readOrFail<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof Error && error.name === "WorkbookReadError") {
      throw new FileReadError(fileName, typeof code === "string" ? code : null, error.message);
    }
    throw error;
  }
}

/** What the user asked for cannot be done as given (the CLI prints it with the command's usage). */
export class RequestError extends Error {
  override readonly name = "RequestError";
}
