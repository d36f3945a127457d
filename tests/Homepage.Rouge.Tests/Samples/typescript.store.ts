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
