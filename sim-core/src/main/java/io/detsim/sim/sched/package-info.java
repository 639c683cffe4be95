/**
 * The scheduler: events ordered by (virtual time, tie-break, insertion sequence) in a heap that
 * allocates nothing per event on its hot path; the clock jumps to the next event and never waits
 * for real time. A seeded "shuffle ties" mode explores other orders of same-instant events.
 */
package io.detsim.sim.sched;
