/**
 * Reads one JSON object text piece by piece, as a file is streamed in, and hands over its top-level
 * members as they complete: each element of the arrays named in `arrays` (an export's posts and
 * snapshots) on its own, any other member whole. Only one element is ever held in memory, so a file
 * of any size is read in bounded memory; each element is parsed by `JSON.parse`, so what is accepted
 * is exactly JSON.
 */

export interface MemberSink {
  /** An element of one of the `arrays` members, with its position in that array (0-based). */
  element(key: string, value: unknown, index: number): void;
  /** A top-level member that is not one of the `arrays` (or is one, but not an array). */
  member(key: string, value: unknown): void;
  /** One of the `arrays` members begins (before any of its elements). */
  arrayStart?(key: string): void;
}

export class JsonStreamError extends Error {}

const enum State {
  BeforeObject,
  KeyOrEnd,
  Key,
  AfterKey,
  ValueStart,
  Value,
  AfterMember,
  ElementOrEnd,
  Element,
  AfterElement,
  Done,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Characters that end a bare value (a number, true, false, null). */
const endsBare = (c: number) => c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c);

export interface MemberScanner {
  write(text: string): void;
  /** The text is complete: throws if the object is not. */
  end(): void;
}

/**
 * A scanner for one object; `maxValueLength` bounds the text of one element or member (a post of
 * the size of a film is damage, and must not be buffered whole).
 */
export function createMemberScanner(
  arrays: ReadonlySet<string>,
  sink: MemberSink,
  maxValueLength: number,
): MemberScanner {
  let state = State.BeforeObject;
  let key = '';
  let index = 0;
  /** The value being read: its text so far (from earlier pieces) and its nesting. */
  let carry = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let bare = false;
  /** After a comma an element (or key) must follow, not the closing bracket. */
  let needItem = false;
  let offset = 0;

  const fail = (what: string, at: number): never => {
    throw new JsonStreamError(`${what} at character ${(offset + at).toLocaleString('en')}`);
  };

  const parse = (text: string, at: number): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return fail('malformed value', at);
    }
  };

  /** A value starts with `c` (not yet scanned): a bare one ends at a delimiter, others at their close. */
  const startValue = (c: number) => {
    depth = 0;
    inString = false;
    escaped = false;
    bare = c !== 0x7b && c !== 0x5b && c !== 0x22;
    carry = '';
  };

  /** Scans the current value from `i`; returns the index just past its end, or -1 if it goes on. */
  const scanValue = (text: string, i: number): number => {
    const n = text.length;
    if (bare) {
      while (i < n && !endsBare(text.charCodeAt(i))) i++;
      return i < n ? i : -1;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) return i + 1;
      }
    }
    return -1;
  };

  const write = (text: string) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (state === State.Key || state === State.Value || state === State.Element) {
        const start = i;
        const stop = scanValue(text, i);
        const raw = carry + text.slice(start, stop < 0 ? n : stop);
        if (raw.length > maxValueLength)
          fail(`a value longer than ${maxValueLength.toLocaleString('en')} characters`, i);
        if (stop < 0) {
          carry = raw;
          break;
        }
        i = stop;
        const value = parse(raw, start);
        if (state === State.Key) {
          // A key starts at a quote (State.KeyOrEnd), so it parses to a string.
          key = value as string;
          state = State.AfterKey;
        } else if (state === State.Value) {
          sink.member(key, value);
          state = State.AfterMember;
        } else {
          sink.element(key, value, index++);
          state = State.AfterElement;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c) || (c === 0xfeff && state === State.BeforeObject && offset + i === 0)) {
        i++;
        continue;
      }
      switch (state) {
        case State.BeforeObject:
          if (c !== 0x7b) fail('not an object', i);
          state = State.KeyOrEnd;
          needItem = false;
          i++;
          break;
        case State.KeyOrEnd:
          if (c === 0x7d && !needItem) {
            state = State.Done;
            i++;
          } else if (c === 0x22) {
            startValue(c);
            state = State.Key;
          } else fail('expected a key', i);
          break;
        case State.AfterKey:
          if (c !== 0x3a) fail('expected ":"', i);
          state = State.ValueStart;
          i++;
          break;
        case State.ValueStart:
          if (c === 0x5b && arrays.has(key)) {
            sink.arrayStart?.(key);
            state = State.ElementOrEnd;
            index = 0;
            needItem = false;
            i++;
          } else {
            startValue(c);
            state = State.Value;
          }
          break;
        case State.ElementOrEnd:
          if (c === 0x5d && !needItem) {
            state = State.AfterMember;
            i++;
          } else {
            startValue(c);
            state = State.Element;
          }
          break;
        case State.AfterElement:
          if (c === 0x2c) {
            state = State.ElementOrEnd;
            needItem = true;
          } else if (c === 0x5d) state = State.AfterMember;
          else fail('expected "," or "]"', i);
          i++;
          break;
        case State.AfterMember:
          if (c === 0x2c) {
            state = State.KeyOrEnd;
            needItem = true;
          } else if (c === 0x7d) state = State.Done;
          else fail('expected "," or "}"', i);
          i++;
          break;
        case State.Done:
          fail('text after the end of the object', i);
      }
    }
    offset += n;
  };

  return {
    write,
    end() {
      if (state !== State.Done) fail('the text ends before the object does', 0);
    },
  };
}
