import { describe, expect, it } from 'vitest';
import { createMemberScanner, JsonStreamError } from './json-members';

interface Collected {
  members: Record<string, unknown>;
  elements: Record<string, unknown[]>;
}

function scan(pieces: string[], max = 10_000): Collected {
  const out: Collected = { members: {}, elements: {} };
  const scanner = createMemberScanner(
    new Set(['posts', 'snapshots']),
    {
      element(key, value, index) {
        (out.elements[key] ??= [])[index] = value;
      },
      member(key, value) {
        out.members[key] = value;
      },
    },
    max,
  );
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  return out;
}

/** Every way of cutting `text` in two, and random cuts into many pieces. */
function cuts(text: string): string[][] {
  const all: string[][] = [];
  for (let i = 0; i <= text.length; i++) all.push([text.slice(0, i), text.slice(i)]);
  let seed = 7;
  for (let round = 0; round < 50; round++) {
    const pieces: string[] = [];
    let at = 0;
    while (at < text.length) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const size = 1 + (seed % 9);
      pieces.push(text.slice(at, at + size));
      at += size;
    }
    all.push(pieces);
  }
  return all;
}

const tricky = {
  format: 'feedlens-export',
  version: 1,
  note: 'quotes " and \\ backslashes \\" and } ] { [ , : in a string, and "✓" 𝕏 ১২৩',
  empty: [],
  nested: { a: [1, { b: '}' }], c: null },
  posts: [{ key: 'x:1', text: 'a "quoted" ]} word' }, { key: 'x:2', n: -1.5e3 }, 'plain', 12, true, null],
  snapshots: [],
};

describe('streaming a JSON object member by member', () => {
  it('hands over every member and array element exactly as JSON.parse reads them, however the text is cut', () => {
    for (const text of [JSON.stringify(tricky), `\ufeff${JSON.stringify(tricky, null, 2)}\n`]) {
      for (const pieces of cuts(text)) {
        const { members, elements } = scan(pieces);
        expect(elements.posts).toEqual(tricky.posts);
        expect(elements.snapshots).toBeUndefined();
        expect(members).toEqual({
          format: tricky.format,
          version: tricky.version,
          note: tricky.note,
          empty: [],
          nested: tricky.nested,
        });
      }
    }
  });

  it('treats a listed member that is not an array as a plain member', () => {
    expect(scan(['{"posts":{"a":1},"snapshots":3}']).members).toEqual({ posts: { a: 1 }, snapshots: 3 });
  });

  it.each([
    ['an array', '[1,2]', /not an object/],
    ['a truncated file', '{"posts":[{"key":"x:1"},', /ends before/],
    ['a truncated string', '{"posts":["abc', /ends before/],
    ['a trailing comma in an array', '{"posts":[1,]}', /malformed value/],
    ['a trailing comma in the object', '{"a":1,}', /expected a key/],
    ['a missing colon', '{"a" 1}', /expected ":"/],
    ['a bad literal', '{"a":tru}', /malformed value/],
    ['two values in a row', '{"posts":[1 2]}', /expected "," or "]"/],
    ['text after the object', '{"a":1} {"b":2}', /after the end/],
    ['an empty file', '', /ends before/],
    ['a bracket closing the object', '{"a":1]', /expected "," or "}"/],
    ['a byte-order mark inside the object', '{"a":\ufeff1}', /malformed value/],
  ])('refuses %s, saying where', (_name, text, message) => {
    expect(() => scan([text])).toThrow(JsonStreamError);
    expect(() => scan([text])).toThrow(message);
  });

  it('refuses an element longer than the limit without buffering the rest', () => {
    const huge = `{"posts":["${'a'.repeat(500)}"]}`;
    expect(() => scan([huge], 100)).toThrow(/longer than 100 characters/);
    expect(() => scan(huge.match(/.{1,7}/g)!, 100)).toThrow(/longer than 100 characters/);
    expect(scan([huge], 1000).elements.posts).toEqual(['a'.repeat(500)]);
  });

  it('reads an empty object, and carriage returns and tabs as space', () => {
    expect(scan(['{}']).members).toEqual({});
    expect(scan(['{\r\n\t"a":\t1,\r\n\t"posts":\t[\t2\t]\r\n}']).members).toEqual({ a: 1 });
  });

  it('reads empty strings, as keys and as values', () => {
    expect(scan(['{"":"","a":"","posts":[""]}'])).toEqual({ members: { '': '', a: '' }, elements: { posts: [''] } });
  });

  it('accepts a value exactly as long as the limit', () => {
    const value = `"${'a'.repeat(98)}"`;
    expect(scan([`{"posts":[${value}]}`], 100).elements.posts).toEqual(['a'.repeat(98)]);
  });

  it('places an error by its character in the whole text, however it was cut', () => {
    const whole = () => scan(['{"a":1,}']);
    expect(whole).toThrow(/at character 7$/);
    expect(() => scan(['{"a":1', ',}'])).toThrow(/at character 7$/);
    expect(() => scan(['{"a"', ':1', ',}'])).toThrow(/at character 7$/);
  });

  it('takes a byte-order mark only as the very first character', () => {
    expect(scan(['\ufeff{"a":1}']).members).toEqual({ a: 1 });
    expect(() => scan([' ', ' \ufeff{}'])).toThrow(JsonStreamError);
  });
});
