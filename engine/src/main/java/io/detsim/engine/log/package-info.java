/**
 * The engine's write-ahead log: checksummed records, group commit (one sync round at a time),
 * recovery that stops at the first bad record and cuts a torn tail, and compaction into a snapshot
 * when the log has grown as long as the last one (docs/engine.md, guarantee 1).
 */
package io.detsim.engine.log;
