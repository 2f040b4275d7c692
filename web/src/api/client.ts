// The app's only way to the backend: GraphQL over HTTP at /graphql with the session cookie.
import type { TypedDocumentString } from "../gql/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export type FieldError = { code: string; field: string | null; message: string };

/** A mutation answered with UserErrors: the messages are Chinese and meant for the user. */
export class UserErrorsError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join(";"));
  }
  has(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("无法连接服务器,请检查网络后重试", 0);
  }
  let body: { data?: TResult; errors?: { message: string }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`服务器返回了无法识别的响应(HTTP ${response.status})`, response.status);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join(";"), response.status);
  }
  if (!body.data) throw new ApiError(`服务器未返回数据(HTTP ${response.status})`, response.status);
  return body.data;
}

type Result = { __typename: string };
type ErrorsResult = { __typename: "UserErrors"; errors: FieldError[] };

/** Whether `value` is the `UserErrors` member of a mutation's result union. */
export function isUserErrors(value: unknown): value is ErrorsResult {
  return typeof value === "object" && value !== null && (value as Partial<Result>).__typename === "UserErrors";
}

/** The successful member of a `X | UserErrors` union, or throws UserErrorsError. */
export function unwrap<T extends Result>(result: T): Exclude<T, ErrorsResult> {
  if (isUserErrors(result)) throw new UserErrorsError(result.errors);
  return result as Exclude<T, ErrorsResult>;
}
