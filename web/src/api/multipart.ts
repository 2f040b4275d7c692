// GraphQL requests that carry files (the multipart request spec), with upload progress.
// fetch() cannot report how much of a body has been sent, so this one uses XMLHttpRequest.
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError } from "./client";

/** Files by the variable path they stand for, e.g. `{"documents.businessLicence": file}`. */
export type FileMap = Record<string, File>;

function withNulls(variables: unknown, paths: string[]): unknown {
  const copy = structuredClone(variables) as Record<string, unknown>;
  for (const path of paths) {
    const keys = path.split(".");
    let target = copy;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]] = null;
  }
  return copy;
}

/**
 * Sends `document` with `files` in place of the variables they name; `onProgress` gets 0–100 as the
 * body goes out. The session cookie counts only with the X-Requested-With header (the service's
 * guard against forged cross-site form posts).
 */
export function requestWithFiles<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  files: FileMap,
  onProgress?: (percent: number) => void,
): Promise<TResult> {
  const paths = Object.keys(files);
  const body = new FormData();
  body.append("operations", JSON.stringify({ query: document.toString(), variables: withNulls(variables, paths) }));
  body.append("map", JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [`variables.${p}`]]))));
  paths.forEach((p, i) => body.append(String(i), files[p], files[p].name));

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/graphql-response+json");
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError("无法连接服务器,请检查网络后重试", 0));
    xhr.onload = () => {
      let parsed: { data?: TResult; errors?: { message: string }[] };
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        const text = xhr.status === 413 ? "文件过大,服务器拒绝接收" : `服务器返回了无法识别的响应(HTTP ${xhr.status})`;
        reject(new ApiError(text, xhr.status));
        return;
      }
      if (parsed.errors?.length) reject(new ApiError(parsed.errors.map((e) => e.message).join(";"), xhr.status));
      else if (!parsed.data) reject(new ApiError(`服务器未返回数据(HTTP ${xhr.status})`, xhr.status));
      else {
        onProgress?.(100);
        resolve(parsed.data);
      }
    };
    xhr.send(body);
  });
}
