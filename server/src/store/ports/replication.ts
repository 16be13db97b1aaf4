/**
 * Reads from a streaming replica (PostGIS with DATABASE_REPLICA_URL; docs/scaling.md). Without one, or on SQLite,
 * every read is the primary's and these answer null / false.
 */
export interface ReplicationPort {
  /** After a write: the primary's WAL position that a replica must have replayed to show it (null: no replica). */
  writePosition(): Promise<string | null>;
  /** Whether the current request's queries go to the replica (decided at its first query). */
  readsReplica(): boolean;
  /**
   * The current request's read failed on the replica (it went down under the query): the request reads from the
   * primary from now on, and so do the next ones until a probe finds the replica up again.
   */
  replicaFailedRead(): void;
  /** The replica's state as last probed (null: no replica). */
  replicaState(): { usable: boolean; lagMs: number | null } | null;
}
