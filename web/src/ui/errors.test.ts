import type { FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { ApiError, unwrap } from "../api/client";
import { errorMessage, showErrors, splitErrors, UNKNOWN_FAILURE } from "./errors";

const REFUSAL = {
  __typename: "UserErrors" as const,
  errors: [
    { code: "invalid", field: "name", message: "名称不能为空" },
    { code: "quota", field: null, message: "语音文件已达上限" },
  ],
};

/** What a page catches when a mutation answered with UserErrors. */
function thrownBy(result: { __typename: string }): unknown {
  try {
    unwrap(result);
  } catch (e) {
    return e;
  }
  throw new Error("unwrap accepted a refusal");
}

describe("errorMessage", () => {
  it("joins a UserErrors result's Chinese messages", () => {
    expect(errorMessage(REFUSAL)).toBe("名称不能为空;语音文件已达上限");
  });

  it("reads the same for the error unwrap throws on that result", () => {
    expect(errorMessage(thrownBy(REFUSAL))).toBe("名称不能为空;语音文件已达上限");
  });

  it("shows a request's failure as the client worded it", () => {
    expect(errorMessage(new ApiError("无法连接服务器,请检查网络后重试", 0))).toBe("无法连接服务器,请检查网络后重试");
    expect(errorMessage("号码已被占用")).toBe("号码已被占用");
  });

  it("never shows an empty box", () => {
    expect(errorMessage(undefined)).toBe(UNKNOWN_FAILURE);
    expect(errorMessage(new Error(""))).toBe(UNKNOWN_FAILURE);
    expect(errorMessage({ __typename: "UserErrors", errors: [] })).toBe(UNKNOWN_FAILURE);
  });
});

describe("splitErrors", () => {
  it("puts each message under the field that claims it", () => {
    const { byField, rest } = splitErrors(thrownBy(REFUSAL), (err) => (err.field === "name" ? "title" : null));
    expect(byField).toEqual({ title: ["名称不能为空"] });
    expect(rest).toEqual(["语音文件已达上限"]);
  });

  it("leaves a network failure unclaimed", () => {
    expect(splitErrors(new ApiError("服务器返回了无法识别的响应(HTTP 502)", 502), () => "title")).toEqual({
      byField: {},
      rest: ["服务器返回了无法识别的响应(HTTP 502)"],
    });
  });
});

describe("showErrors", () => {
  it("marks known fields on the form and returns the rest for a message box", () => {
    const set: unknown[] = [];
    const form = { setFields: (fields: unknown[]) => set.push(...fields) } as unknown as FormInstance;
    expect(showErrors(form, thrownBy(REFUSAL), { name: "mediaName" })).toBe("语音文件已达上限");
    expect(set).toEqual([{ name: "mediaName", errors: ["名称不能为空"] }]);
  });

  it("returns nothing more when every message found its field", () => {
    const form = { setFields: () => undefined } as unknown as FormInstance;
    const refusal = { ...REFUSAL, errors: [REFUSAL.errors[0]] };
    expect(showErrors(form, thrownBy(refusal), { name: "mediaName" })).toBeNull();
  });
});
