/**
 * `true` when A and B are the same type, not merely assignable one way (an extra optional property
 * makes them differ). The generic-function form compares types as the checker itself does.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile unless T is `true`: `Assert<Equal<A, B>>` pins two types together at compile time. */
export type Assert<T extends true> = T;

/** Every property name of T, across all members when T is a union. */
export type Keys<T> = T extends unknown ? keyof T : never;
