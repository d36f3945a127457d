// A typed store
import { Paper } from './types';

export interface Author { name: string; orcid?: string }
type Id = string | number;

export abstract class Store<T extends { id: Id }> implements Iterable<T> {
  private readonly items: Map<Id, T> = new Map();
  public static count = 0;
  constructor(protected name: string) {}
  add(item: T): this { this.items.set(item.id, item); Store.count++; return this; }
  get(id: Id): T | undefined { return this.items.get(id) ?? undefined; }
  *[Symbol.iterator](): Iterator<T> { yield* this.items.values(); }
}

declare module 'site' { const version: number; }
const papers: Partial<Record<string, Paper>> = {};
let first = papers?.a?.title ?? 'none';
namespace Util { export const pi = 3.14; }

// --- a typed publications store ---------------------------------------------------------------------------------
export type Venue = 'conference' | 'journal' | 'workshop' | `preprint-${string}`;

export interface Paper {
  readonly id: string;
  title: string;
  authors: ReadonlyArray<string>;
  year: number;
  venue?: Venue;
  links: Record<string, URL | string>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ByYear = Map<number, Paper[]>;
type Extract2<T, U extends T> = T extends U ? never : T;

enum SortOrder {
  Newest = 'newest',
  Oldest = 'oldest',
  Title = 1 << 2,
}

declare global {
  interface Window { __PAPERS__?: Paper[] }
}

export abstract class Repository<T extends { id: string }> {
  protected items = new Map<string, T>();
  private static readonly LIMIT: number = 10_000;

  constructor(protected readonly name: string, private log: (msg: string) => void = console.log) {}

  abstract validate(item: unknown): item is T;

  add(...items: T[]): this {
    for (const item of items) {
      if (this.items.size >= Repository.LIMIT) throw new RangeError(`${this.name}: more than ${Repository.LIMIT} items`);
      this.items.set(item.id, item);
    }
    return this;
  }

  get<K extends keyof T>(id: string, key: K): T[K] | undefined {
    return this.items.get(id)?.[key];
  }
}

export class PaperStore extends Repository<Paper> implements Iterable<Paper> {
  validate(item: unknown): item is Paper {
    return typeof item === 'object' && item !== null && 'title' in item && typeof (item as Paper).year === 'number';
  }

  byYear(order: SortOrder = SortOrder.Newest): ByYear {
    const groups: ByYear = new Map();
    const sorted = [...this.items.values()].sort((a, b) => (order === SortOrder.Oldest ? a.year - b.year : b.year - a.year));
    for (const paper of sorted) {
      const bucket = groups.get(paper.year) ?? [];
      bucket.push(paper);
      groups.set(paper.year, bucket);
    }
    return groups;
  }

  *[Symbol.iterator](): Iterator<Paper> {
    yield* this.items.values();
  }
}

export async function fetchPapers<T = Paper>(url: string, init?: RequestInit): Promise<T[]> {
  const res = await fetch(url, { ...init, cache: 'no-store' });
  const body = (await res.json()) as { papers: T[] };
  return body.papers satisfies T[];
}

const store = new PaperStore('papers');
const first = store.get('p1', 'title')!;
let maybe: string | null | undefined = null;
maybe ??= first;
export const count = <const T extends readonly unknown[]>(xs: T): T['length'] => xs.length;
namespace Legacy { export const version = 0x2a; }
