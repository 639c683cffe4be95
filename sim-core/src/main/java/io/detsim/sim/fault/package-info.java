/**
 * Faults as data: the sealed {@code Fault} records (crash and restart, partition and heal, clog and
 * unclog, pause, kill, clock skew, disk faults, bursts, heal-all), timed {@code ScheduledFault}s, the
 * immutable {@code FaultSchedule} with its text form (printed, parsed back, edited by people in
 * failure files), and the injectors of the original design as schedule builders.
 */
package io.detsim.sim.fault;
