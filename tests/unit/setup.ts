// Unit tests run against an in-memory IndexedDB; each test file starts with an empty one.
import 'fake-indexeddb/auto';
