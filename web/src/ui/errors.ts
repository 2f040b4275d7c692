// How pages show a failed request or a refused mutation: every message a user reads comes from here, so
// a refusal's Chinese messages and a network failure read the same on every screen.
import type { FormInstance } from "antd";
import { isUserErrors, UserErrorsError, type FieldError } from "../api/client";

/** Said when a failure carries no message of its own (never expected, but never a blank box). */
export const UNKNOWN_FAILURE = "操作失败,请稍后重试";

/**
 * The message a page shows for `error`: a mutation's `UserErrors` result or the UserErrorsError thrown
 * for it (its Chinese messages joined), or a request's failure (ApiError: network, server) as it is.
 */
export function errorMessage(error: unknown): string {
  if (isUserErrors(error)) return new UserErrorsError(error.errors).message || UNKNOWN_FAILURE;
  if (error instanceof Error) return error.message || UNKNOWN_FAILURE;
  if (typeof error === "string" && error) return error;
  return UNKNOWN_FAILURE;
}

/**
 * A refusal's messages by the form field they belong to (`fieldOf` names it, or null), and the ones no
 * field claims; any other failure is one unclaimed message.
 */
export function splitErrors(
  error: unknown,
  fieldOf: (err: FieldError) => string | null,
): { byField: Record<string, string[]>; rest: string[] } {
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  const refusal = error instanceof UserErrorsError ? error.errors : isUserErrors(error) ? error.errors : null;
  if (!refusal) return { byField, rest: [errorMessage(error)] };
  for (const err of refusal) {
    const key = fieldOf(err);
    if (key) (byField[key] ??= []).push(err.message);
    else rest.push(err.message);
  }
  return { byField, rest };
}

/**
 * Shows a mutation's refusal on the form: messages of known fields beside them, the rest returned for a
 * message box. `fields` maps the API's argument names to the form's field names.
 */
export function showErrors<T>(form: FormInstance<T>, error: unknown, fields: Record<string, string>): string | null {
  const { byField, rest } = splitErrors(error, (err) => (err.field ? (fields[err.field] ?? null) : null));
  const placed = Object.entries(byField).map(([name, errors]) => ({ name, errors }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form.setFields(placed as any);
  return rest.length ? rest.join(";") : null;
}
