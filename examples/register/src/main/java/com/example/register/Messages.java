package com.example.register;

/** The register's protocol: clients write to the primary, which replicates to the backup. */
final class Messages {
  private Messages() {}

  /** Client to primary: store {@code value}. */
  record Write(long value) {}

  /** Primary to client: {@code value} is stored and will survive the primary's loss. */
  record Written(long value) {}

  /** Primary to backup: keep {@code value}. */
  record Replicate(long value) {}

  /** Backup to primary: {@code value} is on the backup's disk. */
  record Replicated(long value) {}
}
