/**
 * Simulated disks, one per node: append, write, sync, read. A crash loses what was not synced and
 * may tear the last write; disk faults can corrupt a written record. What was synced survives.
 * Each class states its fault model in its header.
 */
package io.detsim.sim.disk;
