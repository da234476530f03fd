import { describe, expect, it } from "vitest";
import { isJsonContentType, readJsonBody } from "./json-body";

const limits = { maxBytes: 1024, maxKeys: 16, maxDepth: 2 };

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost/x", { method: "POST", body, headers });
}

/** A body that streams `chunks` of `size` bytes and records how many were pulled. */
function endless(size: number, chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("isJsonContentType", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON;charset=UTF-8", true],
    ["application/json; charset=latin1", false],
    ["text/plain", false],
    ["text/plain; charset=application/json", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data; boundary=x", false],
    ["application/jsonx", false],
    ["", false],
  ])("%s → %s", (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe("readJsonBody", () => {
  it("reads a small flat object", async () => {
    expect(await readJsonBody(post('{"fullName":"Ana","showName":true}'), limits)).toEqual({
      ok: true,
      value: { fullName: "Ana", showName: true },
    });
  });

  it("refuses any other media type before reading", async () => {
    expect(await readJsonBody(post('{"fullName":"Ana"}', { "content-type": "text/plain" }), limits)).toEqual({
      ok: false,
      problem: "unsupported_media_type",
    });
  });

  it("refuses a declared length over the cap", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": "999999" });
    expect(await readJsonBody(request, limits)).toEqual({ ok: false, problem: "too_large" });
  });

  it("stops reading a stream past the cap, without a declared length", async () => {
    const body = endless(512, 10_000);
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: body.stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await readJsonBody(request, limits)).toEqual({ ok: false, problem: "too_large" });
    expect(body.pulled()).toBeLessThan(10);
  });

  it.each([
    ["not JSON", "{not json"],
    ["an array", "[1,2]"],
    ["a string", '"x"'],
    ["null", "null"],
    ["empty", ""],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
  ])("refuses %s", async (_why, body) => {
    expect(await readJsonBody(post(body as BodyInit), limits)).toEqual({ ok: false, problem: "not_json" });
  });

  it("refuses too many keys and deep nesting", async () => {
    const many = JSON.stringify(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])));
    expect(await readJsonBody(post(many), limits)).toEqual({ ok: false, problem: "too_complex" });
    expect(await readJsonBody(post('{"a":{"b":{"c":1}}}'), limits)).toEqual({ ok: false, problem: "too_complex" });
    expect(await readJsonBody(post('{"a":[[1]]}'), limits)).toEqual({ ok: false, problem: "too_complex" });
    expect(await readJsonBody(post('{"a":{"b":1}}'), limits)).toMatchObject({ ok: true });
  });
});
